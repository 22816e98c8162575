// A separate entry point (`@spotter/cluster/load`): the conversation is typed by the appRouter, whose
// types bring next-auth's and Next's globals along (a stricter NodeJS.ProcessEnv among them). The
// launcher alone does not, so a Playwright spec can import `@spotter/cluster` without them.
export type { ConnectionChange, LoadClient } from './clients';
export { type Conversation, type ConversationOptions, startConversation } from './conversation';
export { type Verdict, verdictLine } from './verdict';
