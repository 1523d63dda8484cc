import { z } from 'zod';
import { ADDRESS_FIELD_MAX_LENGTHS as MAX, CHINESE_MOBILE_PATTERN } from '../constants/addresses.js';
import { Id, IsoInstant } from './common.js';

const Text = (max: number) => z.string().trim().min(1).max(max);
/** A mainland China mobile number: 11 digits starting 1[3-9]. */
export const ChineseMobile = z.string().trim().regex(CHINESE_MOBILE_PATTERN, 'must be an 11-digit mainland mobile number');

const addressFields = {
  name: Text(MAX.name),
  phone: ChineseMobile,
  province: Text(MAX.province),
  city: Text(MAX.city),
  district: Text(MAX.district),
  detail: Text(MAX.detail),
};

export const NewAddress = z
  .object({ ...addressFields, isDefault: z.boolean().default(false) })
  .strict()
  .meta({ id: 'NewAddress' });

export const UpdateAddress = z
  .object({
    name: addressFields.name.optional(),
    phone: addressFields.phone.optional(),
    province: addressFields.province.optional(),
    city: addressFields.city.optional(),
    district: addressFields.district.optional(),
    detail: addressFields.detail.optional(),
    isDefault: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'UpdateAddress' });

/** An address as an order or a redemption keeps it, whatever becomes of the member's address book. */
export const ShippingAddressSnapshot = z
  .object({ name: z.string(), phone: z.string(), province: z.string(), city: z.string(), district: z.string(), detail: z.string() })
  .meta({ id: 'ShippingAddressSnapshot' });

export const Address = z.object({ id: Id, ...ShippingAddressSnapshot.shape, isDefault: z.boolean(), createdAt: IsoInstant }).meta({ id: 'Address' });
export const AddressList = z.object({ items: z.array(Address) }).meta({ id: 'AddressList' });

export type NewAddress = z.output<typeof NewAddress>;
export type UpdateAddress = z.output<typeof UpdateAddress>;
export type Address = z.output<typeof Address>;
export type ShippingAddressSnapshot = z.output<typeof ShippingAddressSnapshot>;
