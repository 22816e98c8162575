// @spotter/api/client: what a program needs to talk to Spotter, without the server's code.
export type { AppRouter, RouterInputs, RouterOutputs } from '../index';
export type { MessageView, StreamEvent, StreamItem } from '../streams/events';
export { BrowserLikeWebSocket } from './browser-like-websocket';
export { createSpotterClient, type SpotterClient, type SpotterClientOptions } from './create-client';
export { isPassingFailure, type ResubscribeOptions, reconnectDelayMs, resubscribeLink } from './links';
