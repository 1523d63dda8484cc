export { createMessagesService, MAX_SEND_ATTEMPTS, SEND_LEASE_MS, type DeliveryRun, type MessagesService } from './messages.service.js';
export { messageRoutes, merchantMessageRoutes } from './messages.routes.js';
export { createMessagesMemberData } from './messages.member-data.js';
export { createMessagesMemberCardParticipant, createMessagesOrderParticipant } from './messages.participants.js';
export { startMessageDeliveryJob, startMessageRemindersJob } from './messages.job.js';
export type { MessageData, MessageDataByKind, OutgoingMessage } from './message-kinds.js';
export { createMessageReminders, type MessageReminders, type ReminderQueries, type ReminderRun } from './messages-reminders.js';
