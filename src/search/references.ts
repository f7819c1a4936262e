import type { RegisterEntry } from '../index/index.ts';
import { yearMatches, type DocumentRef } from '../text/identifiers.ts';
import { foldDiacritics } from '../text/normalize.ts';
import { findPlaces } from '../text/places.ts';

/** The body a question says issued a document: "Chỉ thị 03-CT/TU của Tỉnh ủy Bến Tre". */
export interface NamedIssuer {
  /** The words as the user typed them, e.g. "Tỉnh ủy Bến Tre". */
  text: string;
  /** Kinds of issuing body named: tw (Trung ương, Bộ Chính trị), tu (Tỉnh ủy, Thành ủy), ubnd, qh, … */
  organs: string[];
  places: string[];
}

// Issuing bodies as typed without diacritics, and the identifier codes they sign with.
const ORGANS: Array<[string, RegExp]> = [
  ['tw', /\b(?:ban chap hanh trung uong|trung uong|bo chinh tri|ban bi thu|tw)\b/],
  ['tu', /\b(?:tinh uy|thanh uy|tu)\b/],
  ['ubnd', /\b(?:uy ban nhan dan|ubnd)\b/],
  ['hdnd', /\b(?:hoi dong nhan dan|hdnd)\b/],
  ['qh', /\b(?:quoc hoi|qh\d*)\b/],
  ['cp', /\b(?:chinh phu|thu tuong|cp)\b/],
  ['hdbcqg', /\b(?:hoi dong bau cu quoc gia|hdbcqg)\b/],
  ['ubbc', /\b(?:uy ban bau cu|ubbc)\b/],
  ['mttq', /\b(?:mat tran to quoc|mttq)\b/],
];
// Bodies of the whole country: a document of theirs belongs to no province.
const CENTRAL = new Set(['tw', 'qh', 'cp', 'hdbcqg']);

function organsIn(folded: string): Array<{ organ: string; end: number }> {
  return ORGANS.flatMap(([organ, pattern]) => {
    const m = folded.match(pattern);
    return m ? [{ organ, end: (m.index ?? 0) + m[0].length }] : [];
  });
}

/**
 * Reads the issuer a question names right after a reference ("của …", "do … ban hành"), kept only
 * as far as it names a known kind of body or a province: the rest is the question.
 */
export function namedIssuer(text: string, ref: DocumentRef, next?: DocumentRef): NamedIssuer | null {
  const rest = text.slice(ref.end, next ? next.start : undefined);
  const folded = foldDiacritics(rest);
  const lead = folded.match(/^[\s,]*(?:(?:ban hanh\s+)?ngay\s+[\d/\s]+)?[\s,]*(?:cua|do)\s+/);
  if (!lead) return null;
  const phrase = folded.slice(lead[0].length);
  const organs = organsIn(phrase);
  const places = findPlaces(phrase);
  const placeEnds = places.map((p) => {
    const words = foldDiacritics(p).match(/[\p{L}\p{N}]+/gu) ?? [];
    const m = phrase.match(new RegExp(words.join('[^\\p{L}\\p{N}]+'), 'u'));
    return m ? (m.index ?? 0) + m[0].length : 0;
  });
  const end = Math.max(0, ...organs.map((o) => o.end), ...placeEnds);
  if (end === 0) return null;
  const start = ref.end + lead[0].length;
  return { text: text.slice(start, start + end).trim(), organs: [...new Set(organs.map((o) => o.organ))], places };
}

/** What a register entry tells of its issuer: kinds of body (from its issuer and its code) and provinces. */
function entryIssuer(entry: RegisterEntry): { organs: Set<string>; places: Set<string> } {
  const issuer = foldDiacritics(entry.issuer ?? '');
  const code = entry.key.split(/[/-]/).at(-1) ?? '';
  const organs = new Set([...organsIn(issuer), ...organsIn(code)].map((o) => o.organ));
  const places = new Set([...findPlaces(entry.issuer ?? ''), ...(entry.place ? [entry.place] : [])]);
  return { organs, places };
}

/** Whether the entry can be the one issued by `named`: false on a clear contradiction, true otherwise. */
export function issuerMatches(named: NamedIssuer, entry: RegisterEntry): boolean {
  const held = entryIssuer(entry);
  if (named.organs.length > 0 && held.organs.size > 0 && !named.organs.some((o) => held.organs.has(o))) return false;
  if (named.places.length === 0) return true;
  if (held.places.size > 0) return named.places.some((p) => held.places.has(p));
  return ![...held.organs].some((o) => CENTRAL.has(o));
}

export interface ResolvedReference {
  ref: DocumentRef;
  /** The issuer the question names, if any. */
  issuer: NamedIssuer | null;
  /** Register entries the reference may mean: same number, and the named issuer when there is one. */
  entries: RegisterEntry[];
  /** Entries with this number from another issuer than the one named: "did you mean". */
  otherIssuers: RegisterEntry[];
}

/** Looks up each reference of a question in the register, keeping only entries of the issuer it names. */
export function resolveReferences(text: string, refs: DocumentRef[], lookup: (key: string) => RegisterEntry[]): ResolvedReference[] {
  return refs.map((ref, i) => {
    const all = lookup(ref.key ?? ref.shortKey).filter((e) => yearMatches(ref, e));
    const issuer = namedIssuer(text, ref, refs[i + 1]);
    if (!issuer) return { ref, issuer, entries: all, otherIssuers: [] };
    const entries = all.filter((e) => issuerMatches(issuer, e));
    return { ref, issuer, entries, otherIssuers: all.filter((e) => !entries.includes(e)) };
  });
}
