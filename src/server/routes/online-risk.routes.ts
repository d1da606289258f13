import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AlertAcknowledged,
  AlertParams,
  ChatJoined,
  ChatParams,
  CloseEscalationInput,
  DutyBoard,
  EscalationClosed,
  EscalationInput,
  EscalationList,
  EscalationParams,
  EscalationRaised,
  RiskAssessmentInput,
  RiskAssessmentList,
  RiskAssessmentOut,
  RiskPhraseInput,
  RiskPhraseList,
  RiskPhraseOut,
  RiskPhraseParams,
} from '../../contracts/online-risk.js';
import { acknowledgeAlert, closeEscalation, joinChat } from '../../services/online/duty-actions.js';
import { dutyBoard } from '../../services/online/duty-board.js';
import { escalateChat, listEscalations } from '../../services/online/escalate-chat.js';
import { listRiskAssessments, recordRiskAssessment } from '../../services/online/risk-assessments.js';
import { addRiskPhrase, listRiskPhrases, retireRiskPhrase } from '../../services/online/risk-phrase-list.js';
import { expectedVersion, IdempotencyKey, IfMatch, withEtag } from './headers.js';
import { errors } from './mhst.routes.js';
import type { OnlineRouteOptions } from './online-route-options.js';
import { signedInOperation } from './security.js';

/** Risk in online support: risk assessments, escalation, the duty senior's board and alerts, the risk phrase list. */
export const onlineRiskRoutes: FastifyPluginAsyncZod<OnlineRouteOptions> = async (app, { db, hub }) => {
  const deps = { db, hub };
  const op = (summary: string) => ({ summary, tags: ['online support: risk'], ...signedInOperation });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/online/risk-phrases',
    {
      schema: {
        ...op('The organisation’s risk phrases, in use and retired'),
        response: { 200: RiskPhraseList, ...errors },
      },
    },
    (request) => listRiskPhrases(request.ctx, deps),
  );
  app.post(
    '/api/online/risk-phrases',
    {
      config: { idempotent: true },
      schema: {
        ...op('Add a risk phrase: chat and messages are checked for it from now on'),
        headers: IdempotencyKey,
        body: RiskPhraseInput,
        response: { 200: RiskPhraseOut, ...errors },
      },
    },
    (request) => addRiskPhrase(request.ctx, deps, request.body),
  );
  app.post(
    '/api/online/risk-phrases/:phraseId/retire',
    {
      schema: {
        ...op('Retire a risk phrase: it is no longer matched, and stays listed as retired'),
        params: RiskPhraseParams,
        response: { 200: RiskPhraseOut, ...errors },
      },
    },
    (request) => retireRiskPhrase(request.ctx, deps, request.params.phraseId),
  );

  app.get(
    '/api/online/chats/:chatId/risk-assessments',
    {
      schema: {
        ...op('The chat’s risk assessments: the one in force and those it corrected'),
        params: ChatParams,
        response: { 200: RiskAssessmentList, ...errors },
      },
    },
    (request) => listRiskAssessments(request.ctx, deps, request.params.chatId),
  );
  app.post(
    '/api/online/chats/:chatId/risk-assessments',
    {
      config: { idempotent: true },
      schema: {
        ...op('Record the chat’s risk assessment; one already in force is corrected by it'),
        params: ChatParams,
        headers: IdempotencyKey,
        body: RiskAssessmentInput,
        response: { 200: RiskAssessmentOut, ...errors },
      },
    },
    (request) => recordRiskAssessment(request.ctx, deps, request.params.chatId, request.body),
  );

  app.get(
    '/api/online/chats/:chatId/escalations',
    {
      schema: {
        ...op('The chat’s escalations'),
        params: ChatParams,
        response: { 200: EscalationList, ...errors },
      },
    },
    (request) => listEscalations(request.ctx, deps, request.params.chatId),
  );
  app.post(
    '/api/online/chats/:chatId/escalations',
    {
      config: { idempotent: true },
      schema: {
        ...op('Escalate: alert the duty seniors, and refer to the front door if they shared who they are'),
        params: ChatParams,
        headers: IdempotencyKey,
        body: EscalationInput,
        response: { 200: EscalationRaised, ...errors },
      },
    },
    (request) => escalateChat(request.ctx, deps, request.params.chatId, request.body),
  );
  app.post(
    '/api/online/escalations/:escalationId/close',
    {
      schema: {
        ...op('Close an escalation with what happened (If-Match: its version)'),
        params: EscalationParams,
        headers: IfMatch,
        body: CloseEscalationInput,
        response: { 200: EscalationClosed, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        closeEscalation(
          request.ctx,
          deps,
          request.params.escalationId,
          expectedVersion(request.headers['if-match']),
          request.body.outcome,
        ),
      ),
  );

  app.get(
    '/api/online/duty/board',
    {
      schema: {
        ...op('The duty senior’s board: alerts to acknowledge, risk phrases in chats, open escalations'),
        response: { 200: DutyBoard, ...errors },
      },
    },
    (request) => dutyBoard(request.ctx, deps),
  );
  app.post(
    '/api/online/alerts/:alertId/acknowledge',
    {
      schema: {
        ...op('Acknowledge an alert (If-Match: its version), so it does not escalate further'),
        params: AlertParams,
        headers: IfMatch,
        response: { 200: AlertAcknowledged, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        acknowledgeAlert(
          request.ctx,
          deps,
          request.params.alertId,
          expectedVersion(request.headers['if-match']),
        ),
      ),
  );
  app.post(
    '/api/online/chats/:chatId/join',
    {
      schema: {
        ...op('A duty senior joins a chat going on; everyone in it is told'),
        params: ChatParams,
        response: { 200: ChatJoined, ...errors },
      },
    },
    (request) => joinChat(request.ctx, deps, request.params.chatId),
  );
};
