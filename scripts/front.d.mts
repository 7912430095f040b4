// Types of scripts/front.mjs for the TypeScript tests that import it.
import type { IncomingMessage } from "node:http";

export const TRUSTED_HEADER: "x-planner-forwarded-for";
export function trustedChain(forwardedFor: string | string[] | undefined, socketAddress: string | undefined): string;
export function applyFront(request: Pick<IncomingMessage, "rawHeaders"> & { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } }): void;
export function installFront(): void;
export function startBehindFront(directory: string): Promise<void>;
