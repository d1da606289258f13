/**
 * The counsellor's risk panel inside a chat: the risk assessment and escalation forms. Owned by the
 * risk helper; the counsellor chat page draws it beside the conversation.
 */
export function RiskPanel(_props: { chatId: string }) {
  return null;
}
