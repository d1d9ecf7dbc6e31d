import { DetailReason, invalidField } from '@sooscode/domain';
import type { DomainError } from '@sooscode/domain';
import { HttpFailure } from './http-failure';
import { isStorableText } from './storable-text';

type Body = Record<string, unknown>;

function mismatch(field: string): never {
  throw new HttpFailure(invalidField(field, DetailReason.format));
}

/**
 * Reads body fields with Jackson-like coercion (http.md §1.1): `null` equals absent; a number field
 * takes a JSON number or a decimal-integer string; a boolean field takes `true`/`false` or their strings.
 * A mismatch throws 400 `GLOBAL_410` (`<field>: 형식이 올바르지 않습니다`) unless `onMismatch` names a domain code.
 */
export class BodyFields {
  constructor(private readonly body: Body) {}

  /** The field as a string, or undefined when absent/null. Numbers and booleans are stringified as Jackson does. */
  string(field: string, onMismatch?: DomainError): string | undefined {
    const v = this.body[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (onMismatch) throw new HttpFailure(onMismatch);
    return mismatch(field);
  }

  /**
   * A text field that is stored or looked up as database text (emails, names, titles, descriptions):
   * as `string`, and a value holding U+0000 or an unpaired surrogate is a format mismatch too
   * (400 `GLOBAL_410` `<field>: 형식이 올바르지 않습니다`), checked before any rule of the endpoint.
   */
  text(field: string): string | undefined {
    const v = this.string(field);
    if (v !== undefined && !isStorableText(v)) return mismatch(field);
    return v;
  }

  /** The field as a safe integer, or undefined when absent/null. */
  integer(field: string, onMismatch?: DomainError): number | undefined {
    const v = this.body[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
    if (typeof v === 'string' && /^-?\d{1,16}$/.test(v) && Number.isSafeInteger(Number(v))) return Number(v);
    if (onMismatch) throw new HttpFailure(onMismatch);
    return mismatch(field);
  }

  /** The field as a boolean, or undefined when absent/null. */
  boolean(field: string): boolean | undefined {
    const v = this.body[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'true') return true;
    if (v === 'false') return false;
    return mismatch(field);
  }

  /**
   * The field as an array of safe integers, or undefined when absent/null. More than `maxItems`
   * items is 400 `GLOBAL_410` `<field>: 길이가 올바르지 않습니다`, checked before any item is read.
   */
  integerArray(field: string, maxItems = Number.POSITIVE_INFINITY): number[] | undefined {
    const v = this.body[field];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) return mismatch(field);
    if (v.length > maxItems) throw new HttpFailure(invalidField(field, DetailReason.length));
    return v.map((item) => {
      if (typeof item === 'number' && Number.isSafeInteger(item)) return item;
      if (typeof item === 'string' && /^-?\d{1,16}$/.test(item)) return Number(item);
      return mismatch(field);
    });
  }

  /** True when the field is present and not null. */
  has(field: string): boolean {
    return this.body[field] !== undefined && this.body[field] !== null;
  }
}
