import type { Server } from 'node:http';

export function startMockPlatform(port?: number): Promise<Server>;
