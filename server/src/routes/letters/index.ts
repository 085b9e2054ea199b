import { randomUUID } from 'node:crypto';
import type Router from '@koa/router';
import { api, letterRefusals, shanghaiToday, uploadRefusals } from '@zhijian/shared';
import type { CurrentUser } from '../../auth/currentUser';
import { acceptLetter } from '../../commands/acceptLetter';
import { addLetterPhoto } from '../../commands/addLetterPhoto';
import { removeLetterPhoto } from '../../commands/removeLetterPhoto';
import { extendLetter } from '../../commands/extendLetter';
import { followLetter, unfollowLetter } from '../../commands/followLetter';
import { rateLetter } from '../../commands/rateLetter';
import { replyLetter } from '../../commands/replyLetter';
import { reviewLetter } from '../../commands/reviewLetter';
import { setLetterBoard } from '../../commands/setLetterBoard';
import { writeLetter } from '../../commands/writeLetter';
import { checkAll } from '../../contentCheck/contentChecker';
import { notFound, refuse } from '../../errors';
import { processImage } from '../../files/processImage';
import { storeThenRecord } from '../../files/storeThenRecord';
import {
  authorizeLetterHandling,
  authorizeLetterReview,
  authorizeLetterView,
  authorizeLetterWriter,
  inboxOf,
  reviewQueueOf,
} from '../../policies/letters';
import { presentBoardLetter, presentLetter, presentLetterPhoto, presentTimeliness } from '../../presenters/letters';
import {
  findLetter,
  findLetterPhoto,
  followState,
  letterTimeliness,
  listBoard,
  listHeld,
  listInbox,
  listWriterLetters,
  loadLetter,
  writerOpenid,
} from '../../queries/letters';
import { presentPage } from '../../queries/paginate';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** 书记直通车 and 党群聊吧: letters to the unit's secretaries or the secretariat, their replies, ratings and the board. */
export function letterRoutes(services: AppServices, router: Router): void {
  const { db, clock, contentChecker, storage } = services;
  const viewer = (user: CurrentUser) => ({ id: user.id, today: shanghaiToday(clock.now()) });
  const present = async (id: number, user: CurrentUser) => presentLetter(await loadLetter(db, id), viewer(user));

  // Fixed paths before `/api/letters/:id`.
  mount(router, services, api.letters.inbox, async ({ query, user }) => {
    const today = shanghaiToday(clock.now());
    return presentPage(await listInbox(db, inboxOf(user), query, today), (rows) => presentLetter(rows, viewer(user)));
  });

  mount(router, services, api.letters.held, async ({ query, user }) =>
    presentPage(await listHeld(db, reviewQueueOf(user), query), (rows) => presentLetter(rows, viewer(user))),
  );

  mount(router, services, api.letters.timeliness, async () =>
    (await letterTimeliness(db, shanghaiToday(clock.now()))).map(presentTimeliness),
  );

  mount(router, services, api.letters.write, async ({ body, user, run }) => {
    const verdict = await checkAll(contentChecker, [body.body], 'forum', await writerOpenid(db, user.id));
    const letter = await run(writeLetter, { writer: user, input: body, verdict });
    return present(letter.id, user);
  });

  // Photos are uploaded as the letter is written, and go with it when it is sent.
  mount(router, services, api.letters.uploadPhoto, async ({ file, user, run }) => {
    if (!file) throw refuse(uploadRefusals.file_missing, {}, '请选择要上传的照片（字段名 file）');
    const processed = await processImage(file.buffer);
    const storageKey = `letters/${user.id}/${randomUUID()}.${processed.extension}`;
    const photo = await storeThenRecord(storage, storageKey, processed.data, () =>
      run(addLetterPhoto, { uploaderId: user.id, storageKey, processed }),
    );
    return presentLetterPhoto(photo);
  });

  // Taken out of the form before the letter went: the member's own, unsent photo only (the command checks).
  mount(router, services, api.letters.removePhoto, async ({ params, user, run }) => {
    await run(removeLetterPhoto, { uploaderId: user.id, photoId: params.id });
    return { ok: true as const };
  });

  // The uploader before it is sent; then whoever may see the letter.
  mount(router, services, api.letters.photo, async ({ params, user, koa }) => {
    const photo = await findLetterPhoto(db, params.id);
    if (photo.letterId === null) {
      if (photo.uploaderId !== user.id) throw refuse(letterRefusals.letter_not_yours);
    } else authorizeLetterView(user, await findLetter(db, photo.letterId));
    const data = await storage.get(photo.storageKey);
    if (!data) throw notFound('照片');
    koa.set('Cache-Control', 'private, max-age=3600');
    koa.set('Content-Disposition', `inline; filename="letter-photo-${photo.id}"`);
    koa.type = photo.mime;
    koa.body = data;
    return undefined;
  });

  mount(router, services, api.letters.mine, async ({ query, user }) =>
    presentPage(await listWriterLetters(db, user.id, query), (rows) => presentLetter(rows, viewer(user))),
  );

  mount(router, services, api.letters.get, async ({ params, user }) => {
    const rows = await loadLetter(db, params.id);
    authorizeLetterView(user, rows.letter);
    return presentLetter(rows, viewer(user));
  });

  mount(router, services, api.letters.accept, async ({ params, user, run }) => {
    authorizeLetterHandling(user, await findLetter(db, params.id));
    await run(acceptLetter, { letterId: params.id });
    return present(params.id, user);
  });

  mount(router, services, api.letters.reply, async ({ params, body, user, run }) => {
    authorizeLetterHandling(user, await findLetter(db, params.id));
    const verdict = await checkAll(contentChecker, [body.body], 'comment', await writerOpenid(db, user.id));
    await run(replyLetter, { letterId: params.id, body: body.body, verdict });
    return present(params.id, user);
  });

  mount(router, services, api.letters.extend, async ({ params, body, user, run }) => {
    authorizeLetterHandling(user, await findLetter(db, params.id));
    await run(extendLetter, { letterId: params.id, input: body });
    return present(params.id, user);
  });

  mount(router, services, api.letters.rate, async ({ params, body, user, run }) => {
    authorizeLetterWriter(user, await findLetter(db, params.id));
    await run(rateLetter, { letterId: params.id, rating: body.rating });
    return present(params.id, user);
  });

  mount(router, services, api.letters.setBoard, async ({ params, body, user, run }) => {
    authorizeLetterWriter(user, await findLetter(db, params.id));
    await run(setLetterBoard, { letterId: params.id, onBoard: body.onBoard, showName: body.showName });
    return present(params.id, user);
  });

  mount(router, services, api.letters.review, async ({ params, body, user, run }) => {
    authorizeLetterReview(user, await findLetter(db, params.id));
    await run(reviewLetter, { letterId: params.id, release: body.release });
    return present(params.id, user);
  });

  mount(router, services, api.letters.board, async ({ query, user }) => {
    if (user.unitId === null) throw refuse(letterRefusals.no_unit);
    return presentPage(await listBoard(db, user.unitId, user.id, query), presentBoardLetter);
  });

  mount(router, services, api.letters.follow, async ({ params, user, run }) => {
    await run(followLetter, { letterId: params.id, member: user });
    return followState(db, params.id, user.id);
  });

  mount(router, services, api.letters.unfollow, async ({ params, user, run }) => {
    await run(unfollowLetter, { letterId: params.id, member: user });
    return followState(db, params.id, user.id);
  });
}
