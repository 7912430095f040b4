/** A file the import will not read, with the message that says why and what to do. */
export class ImportRefusal extends Error {
  constructor(
    message: string,
    /** Further problems of the same file, each naming its row or sheet. */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = "ImportRefusal";
  }
}
