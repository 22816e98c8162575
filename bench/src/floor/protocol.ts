/** The Redis channel of a floor room; the relay and the publisher share it. */
export const floorChannel = (room: number | string) => `floor:room:${room}`;

/** The relay's first text frame to a socket: its room's SUBSCRIBE is confirmed. */
export const JOINED = 'joined';
