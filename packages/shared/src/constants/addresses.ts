export const MAX_ADDRESSES_PER_MEMBER = 20;
/** The longest each text field of an address may be, in characters. */
export const ADDRESS_FIELD_MAX_LENGTHS = { name: 20, province: 20, city: 20, district: 20, detail: 120 } as const;
/** A mainland China mobile number: 11 digits starting 1[3-9]. */
export const CHINESE_MOBILE_PATTERN = /^1[3-9]\d{9}$/;
