import type { LetterExtensionInput, LetterInput, LetterPhoto, LetterRating } from '@zhijian/shared';
import { api } from '@zhijian/shared';
import { call, client } from './api';
import { checkSize, pickImages } from './files';
import { upload } from './upload';

/** 书记直通车 and 党群聊吧: the writer's side, the reader's (secretary, secretariat) and the board. */

// ── The writer.

export function writeLetter(input: LetterInput) {
  return call(api.letters.write, { body: input });
}

/**
 * Photos for the letter being written: picked (camera or album, compressed on the device), checked
 * for size and uploaded one by one; they go with the letter when it is sent.
 */
export async function addLetterPhotos(max: number): Promise<LetterPhoto[]> {
  if (max <= 0) return [];
  const uploaded: LetterPhoto[] = [];
  for (const photo of await pickImages(max)) {
    checkSize('image', photo);
    uploaded.push(await upload(api.letters.uploadPhoto, {}, photo));
  }
  return uploaded;
}

/** Deletes a photo taken out of the letter being written. */
export function removeLetterPhoto(photoId: number) {
  return call(api.letters.removePhoto, { params: { id: photoId } });
}

/** Where a letter's photo is read (the writer and the letter's readers: fetched with the token). */
export function letterPhotoUrl(photoId: number): string {
  return client.url(api.letters.photo, { params: { id: photoId } });
}

export function myLetters(page: number, pageSize: number) {
  return call(api.letters.mine, { query: { page, pageSize } });
}

export function getLetter(id: number) {
  return call(api.letters.get, { params: { id } });
}

export function rateLetter(id: number, rating: LetterRating) {
  return call(api.letters.rate, { params: { id }, body: { rating } });
}

export function setLetterOnBoard(id: number, onBoard: boolean, showName: boolean) {
  return call(api.letters.setBoard, { params: { id }, body: { onBoard, showName } });
}

// ── 党群聊吧.

export function letterBoard(page: number, pageSize: number) {
  return call(api.letters.board, { query: { page, pageSize } });
}

export function followLetter(id: number, follow: boolean) {
  return follow ? call(api.letters.follow, { params: { id } }) : call(api.letters.unfollow, { params: { id } });
}

// ── The reader: a unit's secretary, or the secretariat.

export type InboxView = 'open' | 'done' | 'overdue';

export function letterInbox(view: InboxView, page: number, pageSize: number) {
  return call(api.letters.inbox, { query: { view, page, pageSize } });
}

export function acceptLetter(id: number) {
  return call(api.letters.accept, { params: { id } });
}

export function replyToLetter(id: number, body: string) {
  return call(api.letters.reply, { params: { id }, body: { body } });
}

export function extendLetter(id: number, input: LetterExtensionInput) {
  return call(api.letters.extend, { params: { id }, body: input });
}

/** The secretariat's per-unit counts and timeliness (no letter content). */
export function letterTimeliness() {
  return call(api.letters.timeliness, {});
}

// ── Content the check held: reviewed by the unit admin (letters to the unit's secretaries) or the secretariat.

export function heldLetters(page: number, pageSize: number) {
  return call(api.letters.held, { query: { page, pageSize } });
}

export function reviewLetter(id: number, release: boolean) {
  return call(api.letters.review, { params: { id }, body: { release } });
}
