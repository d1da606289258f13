import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CorrectNoteInput,
  NoteList,
  NoteSaved,
  NotesToSign,
  RecordSupervisionInput,
  SignedOff,
  SignOffInput,
  SupervisionLog,
  SupervisionQuery,
  WriteNoteInput,
} from '../../contracts/notes.js';
import type { LanternDb } from '../../db/client.js';
import { correctNote, listNotes, writeNote } from '../../services/casework/notes.js';
import {
  listNotesToSign,
  mySupervisionLog,
  recordSupervision,
  signOffNote,
  supervisionLog,
} from '../../services/casework/supervision.js';
import { expectedVersion, IdempotencyKey, IfMatch, withEtag } from './headers.js';
import { errors, Saved } from './mhst.routes.js';
import { signedInOperation } from './security.js';

const ReferralParams = z.object({ referralId: z.string().uuid('must be a referral id') });
const NoteParams = ReferralParams.extend({ noteId: z.string().uuid('must be a note id') });
const SignOffParams = z.object({ noteId: z.string().uuid('must be a note id') });

/** Contact notes, sign-off, the supervision log and safeguarding concerns. */
export const noteRoutes: FastifyPluginAsyncZod<{ db: LanternDb }> = async (app, { db }) => {
  const deps = { db };
  const op = (summary: string) => ({ summary, tags: ['notes'], ...signedInOperation });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/caseload/:referralId/notes',
    {
      schema: {
        ...op('Contact notes on a young person’s record, newest first, with versions and sign-off'),
        params: ReferralParams,
        response: { 200: NoteList, ...errors },
      },
    },
    (request) => listNotes(request.ctx, deps, request.params.referralId),
  );
  app.post(
    '/api/caseload/:referralId/notes',
    {
      config: { idempotent: true },
      schema: {
        ...op('Write a contact note, optionally for an appointment'),
        params: ReferralParams,
        headers: IdempotencyKey,
        body: WriteNoteInput,
        response: { 200: NoteSaved, ...errors },
      },
    },
    (request, reply) =>
      withEtag(reply, writeNote(request.ctx, deps, request.params.referralId, request.body)),
  );
  app.post(
    '/api/caseload/:referralId/notes/:noteId/corrections',
    {
      schema: {
        ...op('Correct a note with a reason (If-Match: the version corrected); the earlier version is kept'),
        params: NoteParams,
        headers: IfMatch,
        body: CorrectNoteInput,
        response: { 200: NoteSaved, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        correctNote(
          request.ctx,
          deps,
          request.params.referralId,
          request.params.noteId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );
  app.get(
    '/api/supervision/notes-to-sign',
    {
      schema: {
        ...op('Notes in your teams waiting for your sign-off'),
        response: { 200: NotesToSign, ...errors },
      },
    },
    (request) => listNotesToSign(request.ctx, deps),
  );
  app.post(
    '/api/supervision/notes/:noteId/sign-off',
    {
      schema: {
        ...op('Sign off a note (If-Match: the version signed)'),
        params: SignOffParams,
        headers: IfMatch,
        body: SignOffInput,
        response: { 200: SignedOff, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        signOffNote(
          request.ctx,
          deps,
          request.params.noteId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );
  app.post(
    '/api/supervision/sessions',
    {
      config: { idempotent: true },
      schema: {
        ...op('Record a supervision session with a practitioner of your team (name no young people)'),
        headers: IdempotencyKey,
        body: RecordSupervisionInput,
        response: { 200: Saved, ...errors },
      },
    },
    (request) => recordSupervision(request.ctx, deps, request.body),
  );
  app.get(
    '/api/supervision/sessions',
    {
      schema: {
        ...op('The supervision log of the practitioners you supervise'),
        querystring: SupervisionQuery,
        response: { 200: SupervisionLog, ...errors },
      },
    },
    (request) => supervisionLog(request.ctx, deps, request.query.practitionerUserId),
  );
  app.get(
    '/api/supervision/sessions/mine',
    { schema: { ...op('Your own supervision log'), response: { 200: SupervisionLog, ...errors } } },
    (request) => mySupervisionLog(request.ctx, deps),
  );
};
