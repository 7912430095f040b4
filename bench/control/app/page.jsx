// One server-component page: no client code of its own, so the browser gets Next's and React's runtime only.
export default function ControlPage() {
  return (
    <>
      <h1>Control page</h1>
      <p>A bare Next page with the same next, react and build options as the planner, measured beside it.</p>
    </>
  );
}
