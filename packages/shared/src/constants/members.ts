export const GENDERS = ['unknown', 'male', 'female'] as const;
export const STAFF_ROLES = ['owner', 'operator', 'viewer'] as const;
