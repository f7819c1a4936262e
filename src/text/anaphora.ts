// A sentence opening with a word that points back ("Khi đó", "Ngược lại") means nothing without the one before.
const OPENS_BACK = /^(?:khi đó|khi ấy|đó|điều đó|điều này|việc này|như vậy|ngược lại|trường hợp này|nếu vậy|vì vậy|do đó|họ(?! (?:và )?tên))(?![\p{L}\p{N}])/iu;
// Nor does one whose opening clause names a thing by pointing back at it ("Nếu nơi đó …", "người thuộc các trường hợp trên").
const NAMES_BACK = /^[^,;:]{0,40}?(?<![\p{L}])(?:(?:nơi|người|trường hợp|việc|lúc|cơ quan|tổ chức|khu vực|phiếu) (?:đó|ấy|nói trên)|trường hợp trên)(?![\p{L}])/iu;

/** Whether a sentence or clause points back at the one before it, so it is never read, quoted or cut off without it. */
export function pointsBack(sentence: string): boolean {
  const text = sentence.trim();
  return OPENS_BACK.test(text) || NAMES_BACK.test(text);
}
