/**
 * The API's contract as TypeScript types, generated from its OpenAPI document (GET /api/openapi.json) by
 * scripts/gen-api-types.mjs with openapi-typescript. Do not edit: change the zod schemas in packages/shared or the
 * routes in packages/api, then run `node scripts/gen-api-types.mjs`. Types only: nothing here reaches a bundle.
 *
 * OpenAPI document sha256: ba3581594b5f19942bf18a7520d675d89c0ff5ef5a77dfd8b79f04e9502a1652
 */

export interface paths {
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log a member in with a platform one-time code (wx.login, my.getAuthCode, tt.login) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['MemberLoginRequest'];
        };
      };
      responses: {
        /** @description our own session token and the member */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MemberLoginResponse'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description PLATFORM_CODE_INVALID: the platform refused the code (garbage, reused or expired) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description LOGIN_REFUSED: the platform refused this user (WeChat risk control); a new code will not help */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description RATE_LIMITED, with Retry-After */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description PLATFORM_UNAVAILABLE */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The logged-in member */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the member */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MemberProfile'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/phone': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Bind a phone number with the proof from the platform’s phone-number button (rate-limited per member and per address)
     * @description The session’s platform decides the proof: weapp `{ code }` (getPhoneNumber button), alipay `{ response }` (my.getPhoneNumber’s res.response text), tt `{ encryptedData, iv }` (getPhoneNumber button). On SESSION_STALE (Douyin: the session key we hold is older than the proof) log in again and retry the same proof once. Errors carry a shopper-facing Chinese `details.hint`.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['BindPhoneRequest'];
        };
      };
      responses: {
        /** @description the phone is bound (the member may have absorbed another member who had it) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BindPhoneResult'];
          };
        };
        /** @description VALIDATION_FAILED naming the field (a missing field, another platform’s field), or PHONE_PROOF_INVALID */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description SESSION_STALE: log in again, then retry once */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description PHONE_REFUSED: the platform did not give the number */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description RATE_LIMITED, with Retry-After */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description PLATFORM_UNAVAILABLE */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description PLATFORM_BUSY, with Retry-After */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My profile: nickname, avatar, gender, birthday (set once), the bound phone masked */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description my profile */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MemberProfile'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change my nickname, avatar or gender; set my birthday once (another birthday later: 409 BIRTHDAY_ALREADY_SET naming birthday) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['MemberProfileUpdate'];
        };
      };
      responses: {
        /** @description my profile as it is now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MemberProfile'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/me/data': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Everything the store holds about me: profile, identities (no secrets), addresses, orders, points, coupons, check-ins, tier, merges */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description my data */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MemberDataExport'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close my account: personal data removed, orders and ledgers kept anonymised; 409 ACCOUNT_HAS_OPEN_ORDERS while an order, refund or redemption is unfinished */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CloseAccountRequest'];
        };
      };
      responses: {
        /** @description closed: the session ends */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CloseAccountResult'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/avatar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload my avatar (multipart/form-data, field `file`; JPEG, PNG or WebP, at most 2 MB); then PATCH /me/profile with avatarUrl /uploads/<key> */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'multipart/form-data': {
            /** Format: binary */
            file?: Blob;
          };
        };
      };
      responses: {
        /** @description stored */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UploadedImage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description PAYLOAD_TOO_LARGE */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': Record<string, never>;
          };
        };
        /** @description UNSUPPORTED_MEDIA_TYPE: not a JPEG, PNG or WebP image */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': Record<string, never>;
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/check-in/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Today’s check-in state, streak, rewards and the month’s calendar */
    get: {
      parameters: {
        query?: {
          /** @description the calendar month to return, default the current business month */
          month?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description check-in status */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CheckInStatus'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/check-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check in for today (honours Idempotency-Key) */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description checked in; the reward was credited */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CheckInResult'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description ALREADY_CHECKED_IN today, or IDEMPOTENCY_KEY_IN_FLIGHT */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description IDEMPOTENCY_KEY_REUSED with another request */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/check-in/make-up': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Make up a missed day of the current cycle (补签; honours Idempotency-Key)
     * @description Only a past day of the current week or month, not before the member’s first check-in, not already checked in. Costs the merchant’s points (never below zero) and one of the cycle’s make-ups; restores the streak as if the day had been kept; pays the day’s reward and growth only when the merchant says so; counts towards cumulative rewards.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description the missed day to make up
             * @example 2026-11-22
             */
            date: string;
          };
        };
      };
      responses: {
        /** @description the day is made up */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CheckInMakeUpResult'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description MAKE_UP_DISABLED; MAKE_UP_NOT_ALLOWED (today, future, outside the cycle, before the first check-in; details.reason); ALREADY_CHECKED_IN that day; MAKE_UP_LIMIT_REACHED; INSUFFICIENT_POINTS; IDEMPOTENCY_KEY_IN_FLIGHT */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description IDEMPOTENCY_KEY_REUSED with another request */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/points/ledger': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The member’s points balance and ledger, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description id of the last entry of the previous page */
          cursor?: number;
          kind?: 'earn' | 'spend' | 'expire' | 'reverse' | 'adjust';
          reason?:
            | 'check_in'
            | 'adjustment'
            | 'order'
            | 'task'
            | 'checkout'
            | 'checkout_return'
            | 'order_refund'
            | 'expiry'
            | 'mall_redemption'
            | 'mall_return'
            | 'birthday_gift'
            | 'invitation';
          /** @description in: credits; out: debits */
          direction?: 'in' | 'out';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page of ledger entries */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PointsLedgerPage'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/points': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My points: available, pending (orders still inside their refund window), debt, and what expires when */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the summary */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PointsSummary'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/points/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One-off tasks that pay points, and which I have done */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the tasks */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PointsTaskList'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tiers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The tier ladder: each tier’s growth threshold and benefits */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the ladder */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TierLadder'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tiers/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My tier: growth, progress to the next tier, benefits, and until when the tier is held */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description my tier */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MyTier'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tiers/me/growth': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My growth ledger, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description id of the last entry of the previous page */
          cursor?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page of entries */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['GrowthLedgerPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/birthday': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set my birthday, once (409 BIRTHDAY_ALREADY_SET afterwards): the tier’s birthday gift comes in that month */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SetBirthdayRequest'];
        };
      };
      responses: {
        /** @description set */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BirthdayResult'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/member-cards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The purchase page: cards on sale with their benefits, my card, and what each would have saved on my recent orders */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description cards and my card */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cards: {
                id: number;
                name: string;
                priceFen: number;
                periodMonths: number;
                refundDays: number;
                onSale: boolean;
                benefits: {
                  /** @description member price: share off in basis points on every product (1000 = 九折); 0: none */
                  memberPriceBp: number;
                  /** @description points earned × this / 10000, on top of the tier’s multiplier */
                  pointsMultiplierBp: number;
                  freeShipping: boolean;
                  /** @description holders may distribute (read by the distribution module) */
                  mayDistribute: boolean;
                  /** @description the monthly coupon pack: this coupon template… */
                  couponTemplateId: number | null;
                  /** @description …this many each month of the card (0: no pack) */
                  couponsPerMonth: number;
                };
                /**
                 * @description UTC instant, ISO 8601
                 * @example 2026-11-22T08:00:00.000Z
                 */
                createdAt: string;
                /**
                 * @description UTC instant, ISO 8601
                 * @example 2026-11-22T08:00:00.000Z
                 */
                updatedAt: string;
                estimate: {
                  /** @description the look-back window */
                  days: number;
                  orders: number;
                  /** @description member price and free shipping on the member’s paid orders in the window */
                  savedFen: number;
                };
              }[];
              mine: {
                cardId: number;
                name: string;
                /** @enum {string} */
                status: 'active' | 'expired' | 'refunded';
                /**
                 * @description UTC instant, ISO 8601
                 * @example 2026-11-22T08:00:00.000Z
                 */
                startedAt: string;
                /**
                 * @description UTC instant, ISO 8601
                 * @example 2026-11-22T08:00:00.000Z
                 */
                expiresAt: string;
                /** @description whole days left, rounded up; 0 once expired */
                daysLeft: number;
                /** @description what the card’s benefits took off the member’s paid orders so far */
                savedFen: number;
                benefits: {
                  /** @description member price: share off in basis points on every product (1000 = 九折); 0: none */
                  memberPriceBp: number;
                  /** @description points earned × this / 10000, on top of the tier’s multiplier */
                  pointsMultiplierBp: number;
                  freeShipping: boolean;
                  /** @description holders may distribute (read by the distribution module) */
                  mayDistribute: boolean;
                  /** @description the monthly coupon pack: this coupon template… */
                  couponTemplateId: number | null;
                  /** @description …this many each month of the card (0: no pack) */
                  couponsPerMonth: number;
                };
                refundableUntil: string | null;
              } | null;
            };
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/member-cards/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My card: its benefits, days left and what it saved me so far (card null when I never held one) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description my card */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              card: {
                cardId: number;
                name: string;
                /** @enum {string} */
                status: 'active' | 'expired' | 'refunded';
                /**
                 * @description UTC instant, ISO 8601
                 * @example 2026-11-22T08:00:00.000Z
                 */
                startedAt: string;
                /**
                 * @description UTC instant, ISO 8601
                 * @example 2026-11-22T08:00:00.000Z
                 */
                expiresAt: string;
                /** @description whole days left, rounded up; 0 once expired */
                daysLeft: number;
                /** @description what the card’s benefits took off the member’s paid orders so far */
                savedFen: number;
                benefits: {
                  /** @description member price: share off in basis points on every product (1000 = 九折); 0: none */
                  memberPriceBp: number;
                  /** @description points earned × this / 10000, on top of the tier’s multiplier */
                  pointsMultiplierBp: number;
                  freeShipping: boolean;
                  /** @description holders may distribute (read by the distribution module) */
                  mayDistribute: boolean;
                  /** @description the monthly coupon pack: this coupon template… */
                  couponTemplateId: number | null;
                  /** @description …this many each month of the card (0: no pack) */
                  couponsPerMonth: number;
                };
                refundableUntil: string | null;
              } | null;
            };
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/member-cards/{id}/purchase': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Buy (or renew) a card: its order, paid through POST /orders/{orderId}/pay; 409 while another card order of mine waits for payment */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the card’s order */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              purchaseId: number;
              cardId: number;
              priceFen: number;
              orderId: number;
              orderNo: string;
              /**
               * @description UTC instant, ISO 8601
               * @example 2026-11-22T08:00:00.000Z
               */
              expiresAt: string;
            };
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/member-cards/me/savings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the card took off my paid orders, newest first (the last 50) and in total */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description savings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                orderId: number;
                savedFen: number;
                /**
                 * @description UTC instant, ISO 8601
                 * @example 2026-11-22T08:00:00.000Z
                 */
                createdAt: string;
              }[];
              totalFen: number;
            };
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log merchant staff in with username and password */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['StaffLoginRequest'];
        };
      };
      responses: {
        /** @description a staff session token */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StaffLoginResponse'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description INVALID_CREDENTIALS */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description RATE_LIMITED, with Retry-After */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/auth/console-login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Log staff into the merchant console: the session is set as an httpOnly SameSite=Strict cookie, never in the body
     * @description Sets `siyu_staff` (httpOnly, path /api) and `siyu_csrf` (readable). Requests on the cookie that change anything must send the CSRF token in `X-CSRF-Token`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['StaffLoginRequest'];
        };
      };
      responses: {
        /** @description logged in; cookies set */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ConsoleLoginResponse'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description INVALID_CREDENTIALS */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description RATE_LIMITED, with Retry-After */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the staff session (bearer token or console cookie) and clear the console cookies */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description logged out (also when the session had already ended) */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description no bearer token and no console cookie */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description a member token (merchant endpoint), or a cookie session without the CSRF token */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The logged-in staff member, their role, and the merchant’s time zone and business date */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description who is logged in */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantMe'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/staff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Staff accounts (owner) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description all accounts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StaffList'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Add a staff account (owner) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['NewStaffMember'];
        };
      };
      responses: {
        /** @description created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StaffMember'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/staff/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a staff account’s role or name, disable or enable it (owner); the last enabled owner stays an owner (409 LAST_OWNER) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateStaffMember'];
        };
      };
      responses: {
        /** @description updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StaffMember'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/merchant/staff/{id}/reset-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a new password for a staff account (owner); its sessions end */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ResetStaffPassword'];
        };
      };
      responses: {
        /** @description password changed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/dashboard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Today, the last 7 and 30 business days: paid orders, sales, average order, refunds, new members by platform, check-ins; and the 30 days one by one */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the figures */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Dashboard'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/analytics/traffic': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Visitors, sessions and page views per day, platform and channel (from the daily rollups) */
    get: {
      parameters: {
        query: {
          /** @description Calendar date in the merchant's time zone */
          from: string;
          /** @description Calendar date in the merchant's time zone */
          to: string;
          platform?: 'weapp' | 'alipay' | 'tt' | 'h5';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the rows */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TrafficReport'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/analytics/funnel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Visit → product view → add to cart → order → paid, in member-days, per day and in total */
    get: {
      parameters: {
        query: {
          /** @description Calendar date in the merchant's time zone */
          from: string;
          /** @description Calendar date in the merchant's time zone */
          to: string;
          platform?: 'weapp' | 'alipay' | 'tt' | 'h5';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the funnel */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FunnelReport'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/analytics/cohorts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Monthly cohorts by first paid order (the last 12 months) and how many of each paid again in each month after */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the cohorts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CohortReport'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/analytics/buyers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Per month: buyers, new and returning, orders, sales and average order; the repurchase rate */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the months */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BuyersReport'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/analytics/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The most viewed products with their viewers, add-to-carts, units sold and buyers in the range */
    get: {
      parameters: {
        query: {
          /** @description Calendar date in the merchant's time zone */
          from: string;
          /** @description Calendar date in the merchant's time zone */
          to: string;
          platform?: 'weapp' | 'alipay' | 'tt' | 'h5';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the products */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProductInterestReport'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/analytics/engagement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Per day: coupon claims, check-in members, shares, searches, visitors; coupon and points returns */
    get: {
      parameters: {
        query: {
          /** @description Calendar date in the merchant's time zone */
          from: string;
          /** @description Calendar date in the merchant's time zone */
          to: string;
          platform?: 'weapp' | 'alipay' | 'tt' | 'h5';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the figures */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['EngagementReport'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a batch of behaviour events (1-50; each stored once by its id; rate-limited per member and per address) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['EventBatch'];
        };
      };
      responses: {
        /** @description stored */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['EventBatchResult'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/events/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How long raw behaviour events are kept (daily rollups are kept for good) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['EventSettings'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /** Set how long raw behaviour events are kept (30-730 days) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['EventSettings'];
        };
      };
      responses: {
        /** @description the settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['EventSettings'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/events/rollup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Bring the daily rollups up to date now (the job does it every few minutes; safe to run again) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the dates rebuilt and raw events purged */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RollupRunResult'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members, newest first, by nickname, platform and (whole) phone number; phones masked */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          /** @description part of the nickname */
          keyword?: string;
          /** @description the whole bound phone number (11 digits for mainland China, or +<country code><number>) */
          phone?: string;
          /** @description members with an identity on this platform */
          platform?: 'weapp' | 'alipay' | 'tt';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantMemberPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/members/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One member with their platform identities */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the member */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantMemberDetail'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/members/{id}/merges': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The merges a member took part in (as survivor or absorbed), with what moved */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description merges, newest first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MemberMergeList'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/members/{id}/points-ledger': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A member’s points balance and ledger, newest first, with who posted each manual adjustment */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description id of the last entry of the previous page */
          cursor?: number;
          kind?: 'earn' | 'spend' | 'expire' | 'reverse' | 'adjust';
          reason?:
            | 'check_in'
            | 'adjustment'
            | 'order'
            | 'task'
            | 'checkout'
            | 'checkout_return'
            | 'order_refund'
            | 'expiry'
            | 'mall_redemption'
            | 'mall_return'
            | 'birthday_gift'
            | 'invitation';
          /** @description in: credits; out: debits */
          direction?: 'in' | 'out';
          /** @description posted on or after this day (merchant’s time zone) */
          from?: string;
          /** @description posted on or before this day (merchant’s time zone) */
          to?: string;
        };
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page of entries */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantPointsLedgerPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/members/{id}/points': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A member’s points: available, pending (orders inside their refund window), debt, and what expires when */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the summary */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PointsSummary'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/members/{id}/points-adjustments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Grant (delta > 0) or deduct (delta < 0) points with a reason (owner, operator); never below zero (409 INSUFFICIENT_POINTS) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PointsAdjustmentRequest'];
        };
      };
      responses: {
        /** @description posted */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PointsAdjustmentResult'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/points/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Earning, expiry, checkout use, refunds of spent points and task rewards */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the rules */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PointsRules'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /** Replace the points rules (points already earned keep their expiry) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PointsRules'];
        };
      };
      responses: {
        /** @description saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PointsRules'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/tiers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The tier ladder with benefits */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the ladder */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TierLadder'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /** Replace the ladder (owner, operator): levels 0, 1, 2… with thresholds strictly increasing from 0; a level members hold cannot be dropped (409 TIER_IN_USE) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['TiersConfig'];
        };
      };
      responses: {
        /** @description saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TierLadder'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/tiers/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Growth rates, the downgrade policy and birthday gift timing */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the rules */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TierRules'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /** Replace the growth rates, downgrade policy and birthday gift timing (owner, operator) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['TierRules'];
        };
      };
      responses: {
        /** @description saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TierRules'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/members/{id}/tier': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A member’s tier, growth and tier history (newest first) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the member’s tier */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantMemberTier'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/members/{id}/growth-ledger': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A member’s growth ledger, newest first, with who posted each manual adjustment */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description id of the last entry of the previous page */
          cursor?: number;
        };
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page of entries */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantGrowthLedgerPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/members/{id}/growth-adjustments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add (delta > 0) or take away (delta < 0) growth with a reason (owner, operator); never below zero (409 INSUFFICIENT_GROWTH) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['GrowthAdjustmentRequest'];
        };
      };
      responses: {
        /** @description posted */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['GrowthAdjustmentResult'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/member-cards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every card, on sale or not */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description cards */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: number;
                name: string;
                priceFen: number;
                periodMonths: number;
                refundDays: number;
                onSale: boolean;
                benefits: {
                  /** @description member price: share off in basis points on every product (1000 = 九折); 0: none */
                  memberPriceBp: number;
                  /** @description points earned × this / 10000, on top of the tier’s multiplier */
                  pointsMultiplierBp: number;
                  freeShipping: boolean;
                  /** @description holders may distribute (read by the distribution module) */
                  mayDistribute: boolean;
                  /** @description the monthly coupon pack: this coupon template… */
                  couponTemplateId: number | null;
                  /** @description …this many each month of the card (0: no pack) */
                  couponsPerMonth: number;
                };
                /**
                 * @description UTC instant, ISO 8601
                 * @example 2026-11-22T08:00:00.000Z
                 */
                createdAt: string;
                /**
                 * @description UTC instant, ISO 8601
                 * @example 2026-11-22T08:00:00.000Z
                 */
                updatedAt: string;
              }[];
            };
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Add a card (price, period, benefits, refund window) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @description price in fen (19900 = ¥199) */
            priceFen: number;
            periodMonths: number;
            /** @description full refund within this many days of payment if no benefit was used; none after */
            refundDays: number;
            onSale: boolean;
            benefits: {
              /** @description member price: share off in basis points on every product (1000 = 九折); 0: none */
              memberPriceBp: number;
              /** @description points earned × this / 10000, on top of the tier’s multiplier */
              pointsMultiplierBp: number;
              freeShipping: boolean;
              /** @description holders may distribute (read by the distribution module) */
              mayDistribute: boolean;
              /** @description the monthly coupon pack: this coupon template… */
              couponTemplateId: number | null;
              /** @description …this many each month of the card (0: no pack) */
              couponsPerMonth: number;
            };
          };
        };
      };
      responses: {
        /** @description the card */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: number;
              name: string;
              priceFen: number;
              periodMonths: number;
              refundDays: number;
              onSale: boolean;
              benefits: {
                /** @description member price: share off in basis points on every product (1000 = 九折); 0: none */
                memberPriceBp: number;
                /** @description points earned × this / 10000, on top of the tier’s multiplier */
                pointsMultiplierBp: number;
                freeShipping: boolean;
                /** @description holders may distribute (read by the distribution module) */
                mayDistribute: boolean;
                /** @description the monthly coupon pack: this coupon template… */
                couponTemplateId: number | null;
                /** @description …this many each month of the card (0: no pack) */
                couponsPerMonth: number;
              };
              /**
               * @description UTC instant, ISO 8601
               * @example 2026-11-22T08:00:00.000Z
               */
              createdAt: string;
              /**
               * @description UTC instant, ISO 8601
               * @example 2026-11-22T08:00:00.000Z
               */
              updatedAt: string;
            };
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/member-cards/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change a card: purchases already paid keep the period they bought; benefits follow the card */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @description price in fen (19900 = ¥199) */
            priceFen: number;
            periodMonths: number;
            /** @description full refund within this many days of payment if no benefit was used; none after */
            refundDays: number;
            onSale: boolean;
            benefits: {
              /** @description member price: share off in basis points on every product (1000 = 九折); 0: none */
              memberPriceBp: number;
              /** @description points earned × this / 10000, on top of the tier’s multiplier */
              pointsMultiplierBp: number;
              freeShipping: boolean;
              /** @description holders may distribute (read by the distribution module) */
              mayDistribute: boolean;
              /** @description the monthly coupon pack: this coupon template… */
              couponTemplateId: number | null;
              /** @description …this many each month of the card (0: no pack) */
              couponsPerMonth: number;
            };
          };
        };
      };
      responses: {
        /** @description the card */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: number;
              name: string;
              priceFen: number;
              periodMonths: number;
              refundDays: number;
              onSale: boolean;
              benefits: {
                /** @description member price: share off in basis points on every product (1000 = 九折); 0: none */
                memberPriceBp: number;
                /** @description points earned × this / 10000, on top of the tier’s multiplier */
                pointsMultiplierBp: number;
                freeShipping: boolean;
                /** @description holders may distribute (read by the distribution module) */
                mayDistribute: boolean;
                /** @description the monthly coupon pack: this coupon template… */
                couponTemplateId: number | null;
                /** @description …this many each month of the card (0: no pack) */
                couponsPerMonth: number;
              };
              /**
               * @description UTC instant, ISO 8601
               * @example 2026-11-22T08:00:00.000Z
               */
              createdAt: string;
              /**
               * @description UTC instant, ISO 8601
               * @example 2026-11-22T08:00:00.000Z
               */
              updatedAt: string;
            };
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/member-cards/holders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Card holders, soonest end first, with their last purchase and whether it may be refunded now */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          status?: 'active' | 'expired' | 'refunded';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page of holders */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                memberId: number;
                nickname: string | null;
                cardId: number;
                cardName: string;
                /** @enum {string} */
                status: 'active' | 'expired' | 'refunded';
                /**
                 * @description UTC instant, ISO 8601
                 * @example 2026-11-22T08:00:00.000Z
                 */
                startedAt: string;
                /**
                 * @description UTC instant, ISO 8601
                 * @example 2026-11-22T08:00:00.000Z
                 */
                expiresAt: string;
                savedFen: number;
                lastPurchase: {
                  id: number;
                  memberId: number;
                  cardId: number;
                  cardName: string;
                  orderId: number | null;
                  /** @enum {string} */
                  status: 'pending' | 'paid' | 'closed' | 'refunded';
                  priceFen: number;
                  periodMonths: number;
                  extendedFrom: string | null;
                  extendedTo: string | null;
                  refundUntil: string | null;
                  /**
                   * @description UTC instant, ISO 8601
                   * @example 2026-11-22T08:00:00.000Z
                   */
                  createdAt: string;
                  paidAt: string | null;
                  refundedAt: string | null;
                };
                /** @description the last purchase may be refunded under the card’s rule now */
                refundable: boolean;
              }[];
              page: number;
              pageSize: number;
              total: number;
            };
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/uploads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload a product image (multipart/form-data, field `file`; JPEG, PNG or WebP); answers its absolute URL */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'multipart/form-data': {
            /** Format: binary */
            file?: Blob;
          };
        };
      };
      responses: {
        /** @description stored */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UploadedImage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description PAYLOAD_TOO_LARGE */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': Record<string, never>;
          };
        };
        /** @description UNSUPPORTED_MEDIA_TYPE: not a JPEG, PNG or WebP image */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': Record<string, never>;
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/check-in/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The check-in rules: daily rewards, cycle, cumulative rewards, make-up */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description current rules */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CheckInRules'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /** Replace the check-in rules (owner, operator); fields added later may be left out and take their defaults */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CheckInRulesInput'];
        };
      };
      responses: {
        /** @description saved rules, effective from the next check-in */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CheckInRules'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/members/{id}/check-ins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A member’s check-ins in a month (default the current business month) */
    get: {
      parameters: {
        query?: {
          /** @description default: the current business month */
          month?: string;
        };
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the month’s check-ins */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MemberCheckIns'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The category tree */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description categories */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CategoryTree'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** On-shelf products, by category (a top-level category includes its children) and/or keyword */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          categoryId?: number;
          keyword?: string;
          /** @description relevance (title, then subtitle, category, spec values) when a keyword is given, else the merchant’s order */
          sort?: 'relevance' | 'sales' | 'price_asc' | 'price_desc' | 'newest';
          /** @description products with a SKU priced at least this (fen) */
          minPriceFen?: number;
          /** @description products with a SKU priced at most this (fen) */
          maxPriceFen?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page of products */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProductPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One on-shelf product with its SKUs (drafts and off-shelf products are 404) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the product */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProductDetail'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/storefront': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Home banners, notice bar, search hot words and the free-shipping threshold (no login needed) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description what the storefront shows */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Storefront'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/storefront-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Banners, notice bar, hot words and the sales-count threshold */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description current settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StorefrontSettings'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /** Replace the storefront settings (owner, operator) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['StorefrontSettingsInput'];
        };
      };
      responses: {
        /** @description saved; shoppers see it on their next load */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StorefrontSettings'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The category tree */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description categories */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CategoryTree'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Create a category (two levels) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['NewCategory'];
        };
      };
      responses: {
        /** @description created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Category'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/categories/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename or reorder a category */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateCategory'];
        };
      };
      responses: {
        /** @description updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Category'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/merchant/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Products in any status, filtered and paged */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          categoryId?: number;
          keyword?: string;
          /** @description relevance (title, then subtitle, category, spec values) when a keyword is given, else the merchant’s order */
          sort?: 'relevance' | 'sales' | 'price_asc' | 'price_desc' | 'newest';
          /** @description products with a SKU priced at least this (fen) */
          minPriceFen?: number;
          /** @description products with a SKU priced at most this (fen) */
          maxPriceFen?: number;
          status?: 'draft' | 'on_shelf' | 'off_shelf';
          /** @description products with a SKU whose stock is at or below this */
          lowStock?: number | null;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProductPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Create a product (as a draft) with its SKUs */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['NewProduct'];
        };
      };
      responses: {
        /** @description created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProductDetail'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/products/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One product in any status */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the product */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProductDetail'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit a product’s fields */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateProduct'];
        };
      };
      responses: {
        /** @description updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProductDetail'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/merchant/products/{id}/skus': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a SKU to a product */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['NewSku'];
        };
      };
      responses: {
        /** @description the product with the new SKU */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProductDetail'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/products/{id}/shelve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Put on shelf (from draft or off shelf) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the product */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProductDetail'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/products/{id}/unshelve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take off shelf */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the product */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProductDetail'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/products/shelf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Shelve (onShelf: true) or unshelve many products at once; those in a state that does not allow it are skipped */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['BulkShelfRequest'];
        };
      };
      responses: {
        /** @description which moved and which were skipped */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkShelfResult'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/skus/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a SKU’s price, code or specs */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateSku'];
        };
      };
      responses: {
        /** @description updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Sku'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/merchant/skus/{id}/stock-adjustments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move stock by a delta with a reason; never below zero (409 OUT_OF_STOCK) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['StockAdjustment'];
        };
      };
      responses: {
        /** @description the SKU after the adjustment */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Sku'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/skus/{id}/stock-movements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The SKU’s latest 100 stock movements */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description movements, newest first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StockMovementList'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/addresses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My shipping addresses, default first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description addresses */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AddressList'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Add an address (the first becomes the default; at most 20) */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['NewAddress'];
        };
      };
      responses: {
        /** @description created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Address'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/addresses/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of my addresses */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the address */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Address'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete an address */
    delete: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change an address or make it the default */
    patch: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateAddress'];
        };
      };
      responses: {
        /** @description updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Address'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/me/favourites': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My favourite products, newest first (an off-shelf one has onSale false) */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FavouritePage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/favourites/{productId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether a product is one of my favourites */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          productId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the state */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FavouriteState'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /** Add an on-shelf product to my favourites (idempotent; at most 500) */
    put: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          productId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a favourite */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FavouriteState'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    /** Remove a product from my favourites (idempotent) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          productId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description not a favourite now */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My message centre (站内信), newest first, with the unread count */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page of messages */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InboxPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/messages/unread-count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many of my messages are unread (the badge on the member centre) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the count */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UnreadCount'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/messages/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark one of my messages read (idempotent; the first read time stays) */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the message */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InboxMessage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/messages/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark all my messages read */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description none unread */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UnreadCount'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/message-subscriptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Which templates to ask for at this moment (after paying, after checking in, claiming a coupon); empty: do not ask */
    get: {
      parameters: {
        query: {
          platform: 'weapp' | 'alipay' | 'tt';
          moment: 'after_pay' | 'after_check_in' | 'coupon_claim' | 'redemption' | 'member_card';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the templates to ask for */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SubscriptionAsk'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/message-consents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My subscription consents, used and unused */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description my consents */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ConsentList'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Record what the platform’s subscription prompt answered (each accept allows one message) */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RecordConsentsRequest'];
        };
      };
      responses: {
        /** @description my consents */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ConsentList'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/message-preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What I opted into (the daily check-in reminder) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description my preferences */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MessagePreferences'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /** Opt in or out of the daily check-in reminder */
    put: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['MessagePreferences'];
        };
      };
      responses: {
        /** @description my preferences */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MessagePreferences'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/message-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Subscription-message templates per platform and message kind, and the data keys each kind offers */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the templates */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MessageTemplateList'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/message-templates/{platform}/{kind}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the platform’s template id for a message kind and which data fills each of its fields */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          platform: 'weapp' | 'alipay' | 'tt';
          kind:
            | 'order_shipped'
            | 'refund_result'
            | 'points_expiring'
            | 'coupon_expiring'
            | 'check_in_reminder'
            | 'redemption_shipped'
            | 'member_card_expiring';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PutMessageTemplateRequest'];
        };
      };
      responses: {
        /** @description the templates */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MessageTemplateList'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    /** Stop sending a message kind on a platform (messages still reach the message centre) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          platform: 'weapp' | 'alipay' | 'tt';
          kind:
            | 'order_shipped'
            | 'refund_result'
            | 'points_expiring'
            | 'coupon_expiring'
            | 'check_in_reminder'
            | 'redemption_shipped'
            | 'member_card_expiring';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description removed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Messages sent to members, newest first, with how each platform delivery ended */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          delivery?: 'pending' | 'sending' | 'sent' | 'inbox_only' | 'refused' | 'failed' | 'unknown';
          kind?:
            | 'order_shipped'
            | 'refund_result'
            | 'points_expiring'
            | 'coupon_expiring'
            | 'check_in_reminder'
            | 'redemption_shipped'
            | 'member_card_expiring';
          memberId?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page of messages */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SentMessagePage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/invitations/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 邀请有礼: the rewards for inviter and invitee, the refund window, the daily cap */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the rules */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InvitationRulesView'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My invitations: who joined (masked), each reward’s state, what I earned */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description my invitations */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MyInvitations'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/invitations/leaderboard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The month’s inviters by invitations (names masked), and my rank */
    get: {
      parameters: {
        query?: {
          /** @description YYYY-MM in the merchant's time zone; default this month */
          month?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the leaderboard */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InvitationLeaderboard'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/invitation-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The invitation rules and rewards */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the rules */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InvitationRules'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /** Set the invitation rules and rewards (rewards already promised keep their terms) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['InvitationRules'];
        };
      };
      responses: {
        /** @description the rules now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InvitationRules'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Invitations, newest first, with the reward’s state and risk flags */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          status?: 'bound' | 'pending' | 'granted' | 'cancelled' | 'withheld' | 'over_cap' | 'void';
          /** @description true: only invitations with a risk flag */
          flagged?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantInvitationPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/invitations/{id}/withhold': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withhold the inviter’s reward (bound or pending only) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['WithholdInvitationRequest'];
        };
      };
      responses: {
        /** @description withheld */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/shares': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Issue a share id for what I am about to share (a card, a poster, a code, a link) */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['IssueShareRequest'];
        };
      };
      responses: {
        /** @description the share id, to put in the path (s=) or the code scene */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ShareIssued'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/shares/{shareId}/code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The scannable code of one of my shares (the platform’s mini-program code; h5: a QR code of the web address) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          shareId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the code, as a data URL */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ShareCode'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description PLATFORM_UNAVAILABLE */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description PLATFORM_BUSY */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/shares/landings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a landing: the app was opened with a share id (anonymous, or with a member token)
     * @description A forged, unknown or expired share id is ignored: 200 with recorded false, never an error. A login that carries the share id records the landing itself; do not send both.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RecordLandingRequest'];
        };
      };
      responses: {
        /** @description recorded, or ignored */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['LandingResult'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cart': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My cart */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the whole cart, stale lines flagged */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Cart'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cart/lines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a SKU (merges with an existing line) */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AddCartLine'];
        };
      };
      responses: {
        /** @description the whole cart, stale lines flagged */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Cart'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cart/lines/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a line */
    delete: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the whole cart, stale lines flagged */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Cart'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change quantity or selection */
    patch: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateCartLine'];
        };
      };
      responses: {
        /** @description the whole cart, stale lines flagged */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Cart'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/cart/selection': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Select or deselect every line */
    put: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SelectAllCartLines'];
        };
      };
      responses: {
        /** @description the whole cart, stale lines flagged */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Cart'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/checkout/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Price a checkout on the server: items, shipping, payable, as a breakdown of named lines */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CheckoutPreviewRequest'];
        };
      };
      responses: {
        /** @description the computed amounts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CheckoutPreview'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/checkout/member-prices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The member price and 券后价 (after the best coupons held) of products for the member asking, one unit of each SKU */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['MemberPricesRequest'];
        };
      };
      responses: {
        /** @description prices of the on-shelf products asked for */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MemberPrices'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My orders, newest first, by status */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          status?: 'awaiting_payment' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'refunded';
          /** @description any: orders with a refund asked for or made, whole or partial, whatever their status (the 退款 tab) */
          refund?: 'any';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrderPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Place an order from the preview’s inputs (recomputed; reserves stock; honours Idempotency-Key) */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateOrderRequest'];
        };
      };
      responses: {
        /** @description the order, awaiting payment until expiresAt */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Order'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/counts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many of my orders each tab of the order list shows (待付款, 待发货, 待收货, 退款/售后, 全部) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the counts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrderCounts'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of my orders with its history */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the order */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Order'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel an unpaid order (its stock goes back), optionally saying why */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['CancelOrderRequest'];
        };
      };
      responses: {
        /** @description the cancelled order */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Order'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/confirm-receipt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm a shipped order arrived */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the completed order */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Order'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Orders by status, number or member */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          status?: 'awaiting_payment' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'refunded';
          orderNo?: string;
          memberId?: number;
          /** @description the super-app the order was placed from */
          platform?: 'weapp' | 'alipay' | 'tt';
          /** @description placed on or after this day (merchant’s time zone) */
          from?: string;
          /** @description placed on or before this day (merchant’s time zone) */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrderPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/orders/export.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The filtered orders as CSV (UTF-8 with BOM, Chinese headers, yuan, merchant time), streamed */
    get: {
      parameters: {
        query?: {
          status?: 'awaiting_payment' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'refunded';
          orderNo?: string;
          memberId?: number;
          /** @description the super-app the order was placed from */
          platform?: 'weapp' | 'alipay' | 'tt';
          /** @description placed on or after this day (merchant’s time zone) */
          from?: string;
          /** @description placed on or before this day (merchant’s time zone) */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV text */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One order with its history */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the order */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Order'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/orders/{id}/ship': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ship a paid order */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ShipOrderRequest'];
        };
      };
      responses: {
        /** @description the shipped order */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Order'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/orders/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Complete a shipped order */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the completed order */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Order'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/order-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Shipping rule and payment window */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description current settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrderSettings'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /** Replace the shipping rule and payment window */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['OrderSettings'];
        };
      };
      responses: {
        /** @description saved; applies to new orders */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrderSettings'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/orders/{id}/payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The platform trades opened for an order (one per payment attempt platform), oldest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the order’s payments */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrderPayments'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coupon-centre': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Coupons I can claim now */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description claimable coupons */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ClaimCentre'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coupons/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Claim a coupon from the claim centre (within its stock and the per-member limit; rate-limited) */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ClaimCouponRequest'];
        };
      };
      responses: {
        /** @description the claimed coupon */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Coupon'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coupons/redeem': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Redeem a code for a coupon (each code once; rate-limited per member and per address) */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RedeemCouponCodeRequest'];
        };
      };
      responses: {
        /** @description the coupon the code gave */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Coupon'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coupons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My coupons: usable (soonest to expire first), used or expired */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          /** @description usable: available or held by an unpaid order, soonest to expire first */
          status?: 'usable' | 'used' | 'expired';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CouponPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coupons/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of my coupons */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the coupon */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Coupon'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{id}/coupons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Claimable coupons that apply to this product (领券) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description coupons for the product */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ClaimCentre'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/coupon-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Coupon templates, newest first */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          status?: 'draft' | 'active' | 'paused' | 'ended';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CouponTemplatePage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Create a coupon template (a draft until activated) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['NewCouponTemplate'];
        };
      };
      responses: {
        /** @description the template */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CouponTemplate'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/coupon-templates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One coupon template */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the template */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CouponTemplate'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit name, description, stock, limit, visibility or validity (coupons already claimed keep theirs) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateCouponTemplate'];
        };
      };
      responses: {
        /** @description the template */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CouponTemplate'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/merchant/coupon-templates/{id}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Activate (from draft or paused) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the template */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CouponTemplate'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/coupon-templates/{id}/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pause claims and issuing */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the template */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CouponTemplate'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/coupon-templates/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End for good */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the template */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CouponTemplate'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/coupon-templates/{id}/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Claimed, used, expired, the discount given and the sales of the orders that used it */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description figures */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CouponTemplateStats'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/coupon-templates/{id}/issue-jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The template’s issue jobs, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description jobs */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CouponIssueJobList'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Issue the template to chosen members or a filtered audience, as a job (progress and report on the job) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CouponAudience'];
        };
      };
      responses: {
        /** @description the queued job */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CouponIssueJob'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/coupon-issue-jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One issue job: progress and result report */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the job */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CouponIssueJob'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/coupon-templates/{id}/code-batches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The template’s code batches */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description batches */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CouponCodeBatchList'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Generate a batch of redemption codes for the template */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['NewCouponCodeBatch'];
        };
      };
      responses: {
        /** @description the batch */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CouponCodeBatch'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/coupon-code-batches/{id}/codes.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A batch’s codes as CSV (owner and operator only: codes are money) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV text */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/coupon-settings/new-member-pack': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Templates every new member gets once */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the pack */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['NewMemberPack'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /** Set the templates every new member gets once */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['NewMemberPack'];
        };
      };
      responses: {
        /** @description the pack */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['NewMemberPack'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/points-mall/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Items on sale now, with whether I can redeem each and why not */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          kind?: 'sku' | 'coupon' | 'virtual';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PointsMallItemPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/points-mall/items/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One item, with whether I can redeem it and why not */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the item */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PointsMallItem'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/points-mall/redemptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My redemptions, newest first */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          /** @description awaiting_payment: the cash part is unpaid (points and stock held); awaiting_fulfilment: paid, a sku item to ship; fulfilled: shipped, coupon issued or benefit delivered; cancelled: by staff (points, stock and any cash given back); closed: the payment window passed or the member withdrew before paying */
          status?: 'awaiting_payment' | 'awaiting_fulfilment' | 'fulfilled' | 'cancelled' | 'closed';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PointsMallRedemptionPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Redeem an item (points only: done at once; with cash: pay its order before the payment deadline) */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RedeemPointsMallItemRequest'];
        };
      };
      responses: {
        /** @description the redemption */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PointsMallRedemption'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/points-mall/redemptions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of my redemptions */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the redemption */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PointsMallRedemption'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/points-mall/redemptions/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw a redemption whose cash part is unpaid (points and stock come back) */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the redemption, closed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PointsMallRedemption'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/points-mall/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Points-mall items, by sort order then newest */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          /** @description on: listed for members (within its on-sale window) */
          status?: 'on' | 'off';
          kind?: 'sku' | 'coupon' | 'virtual';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantPointsMallItemPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Publish an item (off until switched on, unless status is on) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['NewPointsMallItem'];
        };
      };
      responses: {
        /** @description the item */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantPointsMallItem'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/points-mall/items/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One item */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the item */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantPointsMallItem'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit an item (redemptions already made keep what they were) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdatePointsMallItem'];
        };
      };
      responses: {
        /** @description the item */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantPointsMallItem'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/merchant/points-mall/items/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Switch an item on or off */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PointsMallItemStatusRequest'];
        };
      };
      responses: {
        /** @description the item */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantPointsMallItem'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/points-mall/items/{id}/stock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add stock, or take unredeemed stock out */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PointsMallStockAdjustment'];
        };
      };
      responses: {
        /** @description the item */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantPointsMallItem'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/points-mall/redemptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Redemptions, newest first, with filters */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          /** @description awaiting_payment: the cash part is unpaid (points and stock held); awaiting_fulfilment: paid, a sku item to ship; fulfilled: shipped, coupon issued or benefit delivered; cancelled: by staff (points, stock and any cash given back); closed: the payment window passed or the member withdrew before paying */
          status?: 'awaiting_payment' | 'awaiting_fulfilment' | 'fulfilled' | 'cancelled' | 'closed';
          kind?: 'sku' | 'coupon' | 'virtual';
          itemId?: number;
          memberId?: number;
          redemptionNo?: string;
          /** @description created on or after this business day */
          from?: string;
          /** @description created on or before this business day */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantPointsMallRedemptionPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/points-mall/redemptions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One redemption */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the redemption */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantPointsMallRedemption'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/points-mall/redemptions/{id}/fulfil': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ship a sku redemption: carrier and tracking number */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['FulfilPointsMallRedemptionRequest'];
        };
      };
      responses: {
        /** @description the redemption */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantPointsMallRedemption'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/points-mall/redemptions/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a redemption not yet fulfilled: points and stock come back, a paid cash part is refunded */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CancelPointsMallRedemptionRequest'];
        };
      };
      responses: {
        /** @description the redemption */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantPointsMallRedemption'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/pay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Open the platform payment for one of my unpaid orders (the platform of my session); poll the order for the result */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['PayOrderRequest'];
        };
      };
      responses: {
        /** @description what wx.requestPayment / my.tradePay / tt.requestOrder need */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PayOrderResponse'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description the order is paid, cancelled or expired (INVALID_STATE), or the payment platform says so (PLATFORM_REFUSED, with the platform’s own code) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description PLATFORM_UNAVAILABLE: the payment platform refused or could not be reached */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/payment-status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask the payment platform about one of my orders (主动查单) and get the order back, paid if the platform says so
     * @description For when the platform sheet reported success but the order still awaits payment (the notification is late). A paid trade is applied exactly as its notification would be, once.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['PaymentStatusRequest'];
        };
      };
      responses: {
        /** @description the order after asking the platform */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Order'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description PLATFORM_UNAVAILABLE: the payment platform could not be asked; try again later */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/refunds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Refunds of one of my orders, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the refunds */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RefundList'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Ask for a refund of the whole order (omit lines) or of chosen lines; amounts are computed by the server */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateRefundRequest'];
        };
      };
      responses: {
        /** @description the refund, awaiting the merchant */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Refund'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/refunds/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** What a refund of these lines (omit: everything left) would come to; nothing is written */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RefundPreviewRequest'];
        };
      };
      responses: {
        /** @description the amounts the request would be given */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RefundPreview'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/refunds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Refunds by status, newest first */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          status?: 'requested' | 'rejected' | 'processing' | 'succeeded' | 'failed';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantRefundPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/refunds/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve a requested refund: the platform refund is requested (again, for one left processing by a platform failure) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['ApproveRefundRequest'];
        };
      };
      responses: {
        /** @description processing (succeeded where the platform refunds at once) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Refund'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description PLATFORM_UNAVAILABLE: the platform did not take the refund; it stays processing, approve again to retry */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/refunds/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a requested refund, with the reason the member will see */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RejectRefundRequest'];
        };
      };
      responses: {
        /** @description rejected */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Refund'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/distribution': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My distribution account: status, how to qualify, commission frozen, settled and withdrawn */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the summary */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DistributionSummary'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/distribution/apply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask to become a distributor (active at once when the tier or task rule is met; pending under apply-and-approve) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the summary after applying */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DistributionSummary'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description NOT_QUALIFIED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/distribution/commissions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My commission orders, newest first (buyers masked) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description id of the last entry of the previous page */
          cursor?: number;
          status?: 'frozen' | 'settled' | 'cancelled';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CommissionPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not a distributor */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/distribution/team': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My team: direct and second-level customers (masked) and commission by state */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the team */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DistributionTeam'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not a distributor */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/distribution/withdrawals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My withdrawals and their payout states, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description id of the last entry of the previous page */
          cursor?: number;
          status?: 'requested' | 'refused' | 'paying' | 'awaiting_confirmation' | 'paid' | 'failed';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WithdrawalPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not a distributor */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Withdraw settled commission (minimum, fee and daily cap apply; the amount leaves the balance now) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['WithdrawalRequest'];
        };
      };
      responses: {
        /** @description the withdrawal, awaiting staff approval */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Withdrawal'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description INSUFFICIENT_BALANCE; LIMIT_REACHED (daily cap); NOT_QUALIFIED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/distribution/guide': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The shopping guide I am bound to (the home page’s guide card), or null */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description my guide */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MyGuide'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{id}/earning': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 赚 ¥x: what I earn at level 1 on one unit of this product (null when I am not an active distributor) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the earning */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProductEarning'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description no such product on sale */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/distribution/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Distribution settings */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DistributionSettings'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /** Change the distribution settings (who may distribute, binding, levels, self-purchase, refund window, withdrawals) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['DistributionSettings'];
        };
      };
      responses: {
        /** @description the settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DistributionSettings'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/distribution/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Commission rates (store, category, product) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the rules */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CommissionRuleList'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /** Replace the commission rates; the most specific (product, category, store) wins */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            items: components['schemas']['CommissionRule'][];
          };
        };
      };
      responses: {
        /** @description the rules */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CommissionRuleList'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/distributors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Distributors, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description id of the last entry of the previous page */
          cursor?: number;
          status?: 'pending' | 'active' | 'frozen' | 'refused';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DistributorPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/distributors/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve (active), freeze or refuse a distributor */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['DistributorStatusChange'];
        };
      };
      responses: {
        /** @description done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description no such distributor */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description INVALID_STATE */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/distribution/ledger': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The commission ledger, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description id of the last entry of the previous page */
          cursor?: number;
          distributorId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CommissionLedgerPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/withdrawals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The withdrawal queue with payout states, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description id of the last entry of the previous page */
          cursor?: number;
          status?: 'requested' | 'refused' | 'paying' | 'awaiting_confirmation' | 'paid' | 'failed';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantWithdrawalPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/withdrawals/{id}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve (pay out through WeChat or Alipay now; Douyin by hand) or refuse (the amount goes back) a withdrawal */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['WithdrawalDecision'];
        };
      };
      responses: {
        /** @description the withdrawal */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Withdrawal'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description no such withdrawal */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description INVALID_STATE */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/withdrawals/{id}/manual-payout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a Douyin withdrawal paid by hand */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ManualPayout'];
        };
      };
      responses: {
        /** @description the withdrawal */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Withdrawal'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description no such withdrawal */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description INVALID_STATE */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/stores': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a store (门店) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['StoreInput'];
        };
      };
      responses: {
        /** @description the store */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Store'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description name taken */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/guides': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Make a staff member a shopping guide (导购) of a store */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['GuideInput'];
        };
      };
      responses: {
        /** @description the guide */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Guide'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description no such staff or store */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/distribution/performance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Performance by guide and store over [from, to): new customers, paid sales, refunds, commission */
    get: {
      parameters: {
        query: {
          /** @description UTC instant, ISO 8601 */
          from: string;
          /** @description UTC instant, ISO 8601 */
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the boards */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DistributionPerformance'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/guide/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A guide’s own customers (masked), newest first; 404 for staff who are not guides */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description id of the last entry of the previous page */
          cursor?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['GuideCustomers'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not a guide */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/guide/share': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A guide’s personal share of the shop (a link or a code under their name): customers landing through it are bound to the guide */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the share */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ShareIssued'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not a guide */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/guide/performance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A guide’s own figures over [from, to) */
    get: {
      parameters: {
        query: {
          /** @description UTC instant, ISO 8601 */
          from: string;
          /** @description UTC instant, ISO 8601 */
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the guide’s row and store */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DistributionPerformance'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not a guide */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/payment-exceptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Payments that must go back (paid after the order closed, or paid twice) and how their refunds stand, newest first */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          /** @description refund_pending: queued (after a failure, not before nextAttemptAt); refunding: a worker is asking the platform; refund_processing: the platform took it, awaiting its notification; refunded: done; refund_failed: given up after repeated failures, for a human (retry) */
          state?: 'refund_pending' | 'refunding' | 'refund_processing' | 'refunded' | 'refund_failed';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PaymentExceptionPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/payment-exceptions/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Put a refund the server gave up on (refund_failed) back in the queue and try it now, with the same refund number */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description after the attempt: refund_processing or refunded, or refund_pending with lastError when the platform failed again */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PaymentException'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description CONFLICT: it is not refund_failed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/wallet': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My stored-value balance (principal and bonus), the bonus rule, and the top-up packages on sale */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the wallet */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Wallet'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/wallet/ledger': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My stored-value ledger, newest first */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WalletLedgerPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/wallet/top-ups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Top up: a package or a custom amount; pay its order with POST /orders/{orderId}/pay */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateTopUpRequest'];
        };
      };
      responses: {
        /** @description the top-up, awaiting payment */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TopUp'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/wallet/top-ups/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of my top-ups */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the top-up */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TopUp'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/wallet/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stored-value rules: how bonus is spent, custom top-up limits */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the rules */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WalletSettings'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /** Change the stored-value rules (owner) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['WalletSettingsInput'];
        };
      };
      responses: {
        /** @description the rules */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WalletSettings'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/wallet/packages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Top-up packages, on and off sale */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the packages */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['WalletPackage'][];
            };
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Add a top-up package */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['WalletPackageInput'];
        };
      };
      responses: {
        /** @description the package */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WalletPackage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/wallet/packages/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change a top-up package (top-ups already bought keep theirs) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['WalletPackageInput'];
        };
      };
      responses: {
        /** @description the package */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WalletPackage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/wallet/members/{memberId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A member's balance and latest ledger entries */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          memberId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the balance */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantWallet'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/wallet/members/{memberId}/adjustments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Adjust a member's balance by hand, with a reason (owner only; recorded with the staff member) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          memberId: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['WalletAdjustmentRequest'];
        };
      };
      responses: {
        /** @description the balance after */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantWallet'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/wallet/liability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the shop owes members in stored value (principal and bonus) at an instant */
    get: {
      parameters: {
        query?: {
          /** @description the instant to report at (default now): entries made up to it */
          at?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the liability */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WalletLiability'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/gift-card-designs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The gift-card designs on sale */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the designs */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['GiftCardDesign'][];
            };
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/gift-cards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Gift cards I bought and received, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the cards */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['GiftCardList'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Buy a gift card for a friend; pay its order with POST /orders/{orderId}/pay, then share its claimToken */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['BuyGiftCardRequest'];
        };
      };
      responses: {
        /** @description the card, awaiting payment */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['GiftCard'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/gift-cards/claim/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A shared gift card, as its link shows it */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the card */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['GiftCardClaimView'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Claim a shared gift card (the first to claim it gets it): into my balance, or kept as a card */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['ClaimGiftCardRequest'];
        };
      };
      responses: {
        /** @description mine now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['GiftCard'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/gift-cards/{id}/redeem': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a gift card I kept as a card to my balance (before its expiry) */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description in the balance now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['GiftCard'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/gift-card-designs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Gift-card designs, on and off sale */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the designs */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['GiftCardDesign'][];
            };
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Add a gift-card design */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['GiftCardDesignInput'];
        };
      };
      responses: {
        /** @description the design */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['GiftCardDesign'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/gift-card-designs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change a gift-card design */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['GiftCardDesignInput'];
        };
      };
      responses: {
        /** @description the design */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['GiftCardDesign'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/gift-cards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Gift cards sold, newest first */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          status?: 'awaiting_payment' | 'sent' | 'claimed' | 'returned' | 'closed' | 'refunded';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MerchantGiftCardPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/member-code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A fresh member code (会员码) for the counter: good for a minute, used once */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the code */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MemberCode'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/counter/identify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Who a member code belongs to, and their balance (the code stays usable); recorded with staff and store */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CounterIdentifyRequest'];
        };
      };
      responses: {
        /** @description the member */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CounterMember'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/counter/purchases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a purchase at the counter with a member code (used once), part or all of it paid from the balance */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CounterPurchaseRequest'];
        };
      };
      responses: {
        /** @description recorded */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CounterPurchase'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/merchant/counter/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The counter audit trail: who did what for which member, where, newest first */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CounterActionPage'];
          };
        };
        /** @description invalid request; details name the field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not logged in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not staff, or role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description conflicts with the current state */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    MemberLoginResponse: {
      token: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      expiresAt: string;
      isNewMember: boolean;
      member: components['schemas']['MemberProfile'];
    };
    MemberProfile: {
      id: number;
      nickname: string;
      avatarUrl: string | null;
      /** @enum {string} */
      gender: 'unknown' | 'male' | 'female';
      /** @description YYYY-MM-DD; set once */
      birthday: string | null;
      /** @description true once the birthday is set: it cannot be changed */
      birthdayLocked: boolean;
      /**
       * @description the bound phone, masked (138****5678); null when none
       * @example 138****5678
       */
      phoneMasked: string | null;
      pointsBalance: number;
      platforms: ('weapp' | 'alipay' | 'tt')[];
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
    };
    ErrorResponse: {
      error: {
        /** @enum {string} */
        code:
          | 'VALIDATION_FAILED'
          | 'BAD_REQUEST'
          | 'PLATFORM_CODE_INVALID'
          | 'UNAUTHENTICATED'
          | 'INVALID_CREDENTIALS'
          | 'FORBIDDEN'
          | 'NOT_FOUND'
          | 'METHOD_NOT_ALLOWED'
          | 'ALREADY_CHECKED_IN'
          | 'IDEMPOTENCY_KEY_IN_FLIGHT'
          | 'CONFLICT'
          | 'OUT_OF_STOCK'
          | 'INVALID_STATE'
          | 'PRODUCT_UNAVAILABLE'
          | 'LIMIT_REACHED'
          | 'COUPON_UNUSABLE'
          | 'COUPON_SOLD_OUT'
          | 'COUPON_CODE_USED'
          | 'COUPON_CODE_INVALID'
          | 'INSUFFICIENT_POINTS'
          | 'POINTS_MALL_NOT_ON_SALE'
          | 'POINTS_MALL_SOLD_OUT'
          | 'POINTS_MALL_TIER_TOO_LOW'
          | 'POINTS_MALL_LIMIT_REACHED'
          | 'POINTS_MALL_DAILY_LIMIT_REACHED'
          | 'LAST_OWNER'
          | 'INSUFFICIENT_GROWTH'
          | 'TIER_IN_USE'
          | 'BIRTHDAY_ALREADY_SET'
          | 'PHONE_ALREADY_BOUND'
          | 'ACCOUNT_HAS_OPEN_ORDERS'
          | 'ACCOUNT_CLOSED'
          | 'MEMBER_MERGED'
          | 'MAKE_UP_DISABLED'
          | 'MAKE_UP_NOT_ALLOWED'
          | 'MAKE_UP_LIMIT_REACHED'
          | 'INSUFFICIENT_BALANCE'
          | 'NOT_QUALIFIED'
          | 'PAYLOAD_TOO_LARGE'
          | 'UNSUPPORTED_MEDIA_TYPE'
          | 'IDEMPOTENCY_KEY_REUSED'
          | 'RATE_LIMITED'
          | 'INTERNAL'
          | 'PLATFORM_UNAVAILABLE'
          | 'PHONE_PROOF_INVALID'
          | 'PHONE_REFUSED'
          | 'SESSION_STALE'
          | 'PLATFORM_BUSY'
          | 'PLATFORM_REFUSED'
          | 'LOGIN_REFUSED';
        message: string;
        /** @description more about the error; its shape depends on the code */
        details?: {
          /** @description VALIDATION_FAILED: the fields, each with its code */
          issues?: components['schemas']['FieldIssue'][];
        } & {
          [key: string]: unknown;
        };
      };
      requestId: string;
    };
    FieldIssue: {
      /** @description a dotted path: code, rewards.1, query.month, header.Idempotency-Key */
      field: string;
      /** @enum {string} */
      code:
        | 'required'
        | 'invalid_type'
        | 'too_big'
        | 'too_small'
        | 'invalid_format'
        | 'not_multiple_of'
        | 'unrecognized_keys'
        | 'invalid_union'
        | 'invalid_key'
        | 'invalid_element'
        | 'invalid_value'
        | 'malformed_json'
        | 'not_json'
        | 'not_utf8'
        | 'not_multipart'
        | 'unstorable_text'
        | 'amount_over_threshold'
        | 'range_order'
        | 'window_order'
        | 'daily_over_total'
        | 'required_for_kind'
        | 'not_for_kind'
        | 'required_for_scope'
        | 'not_for_scope'
        | 'required_for_platform'
        | 'not_for_platform'
        | 'duplicate'
        | 'already_taken'
        | 'already_posted'
        | 'already_set'
        | 'already_bound'
        | 'below_already_issued'
        | 'over_deductible'
        | 'over_available'
        | 'out_of_range'
        | 'last_owner'
        | 'not_self'
        | 'not_found_ref'
        | 'not_top_level'
        | 'level_in_use'
        | 'unsupported_image'
        | 'file_empty'
        | 'file_too_large'
        | 'unknown_region'
        | 'not_zero'
        | 'either_or'
        | 'needs_cycle'
        | 'over_cycle_days'
        | 'reward_empty'
        | 'level_order'
        | 'first_tier_zero'
        | 'threshold_order'
        | 'too_many'
        | 'invalid_date'
        | 'url_not_allowed'
        | 'nothing_selected'
        | 'over_order_limit'
        | 'over_line_quantity';
      /** @description for developers, in English */
      message: string;
      /** @description the numbers and names the code needs: { maximum }, { minimum }, { issued }, { kind }… */
      params?: {
        [key: string]: unknown;
      };
    };
    MemberLoginRequest: {
      /** @enum {string} */
      platform: 'weapp' | 'alipay' | 'tt';
      /** @description the one-time code from wx.login / my.getAuthCode / tt.login */
      code: string;
      /** @description the share id the app was opened with (decision 034): a new member is attributed to it; unknown ids are ignored */
      shareId?: string;
    };
    BindPhoneResult: {
      /** @description the member the phone now belongs to (the surviving member after a merge) */
      memberId: number;
      /** @description the phone as shown to the member, e.g. 138****5678 */
      phoneMasked: string;
      /** @description set when the phone belonged to another member, who was merged into this one */
      merged: {
        mergeId: number;
        absorbedMemberId: number;
      } | null;
    };
    BindPhoneRequest: {
      /** @description weapp: the getPhoneNumber button’s one-time code */
      code?: string;
      /** @description alipay: the JSON text my.getPhoneNumber() gave as res.response */
      response?: string;
      /** @description tt: the getPhoneNumber button’s encryptedData (base64) */
      encryptedData?: string;
      /** @description tt: the getPhoneNumber button’s iv (base64) */
      iv?: string;
    };
    MemberProfileUpdate: {
      nickname?: string;
      avatarUrl?: string | null;
      /** @enum {string} */
      gender?: 'unknown' | 'male' | 'female';
      /**
       * @description YYYY-MM-DD, set once (409 BIRTHDAY_ALREADY_SET naming birthday when another is sent)
       * @example 2026-11-22
       */
      birthday?: string;
    };
    MemberDataExport: {
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      exportedAt: string;
      profile: components['schemas']['MemberProfile'];
      identities: components['schemas']['MemberIdentity'][];
      merges: components['schemas']['MemberMerge'][];
      /** @description addresses, orders, points, coupons, check-ins, tier and growth, … */
      data: {
        [key: string]: unknown;
      };
    };
    MemberIdentity: {
      /** @enum {string} */
      platform: 'weapp' | 'alipay' | 'tt';
      appId: string;
      /** @description the last characters of the openid, for telling identities apart */
      openIdTail: string;
      hasUnionId: boolean;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      lastLoginAt: string;
    };
    MemberMerge: {
      id: number;
      survivorId: number;
      absorbedId: number;
      phoneMasked: string;
      /** @enum {string} */
      reason: 'phone';
      summary: components['schemas']['MemberMergeSummary'];
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
    };
    MemberMergeSummary: {
      /** @description rows moved to the survivor, per table */
      moved: {
        [key: string]: number;
      };
      /** @description the absorbed member’s ledger sum, moved */
      pointsMoved: number;
      /** @description business days both had checked in: the absorbed member’s row went, its reward was reversed */
      duplicateCheckInDays: string[];
      /** @description credits both members had for one source event (a check-in day, a task, a birthday): the second was reversed */
      creditsReversed: {
        sourceKey: string;
        points: number;
      }[];
      growthMoved: number;
      tierBefore: {
        survivor: number;
        absorbed: number;
      };
      tierAfter: number;
    };
    CloseAccountResult: {
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      closedAt: string;
    };
    CloseAccountRequest: {
      /** @enum {boolean} */
      confirm: true;
      reason?: string;
    };
    UploadedImage: {
      /** @description absolute URL the mini-program can load */
      url: string;
      key: string;
      /** @enum {string} */
      contentType: 'image/jpeg' | 'image/png' | 'image/webp';
      bytes: number;
    };
    CheckInStatus: {
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      businessDate: string;
      timeZone: string;
      checkedInToday: boolean;
      /** @description consecutive days up to today (or yesterday, if not yet checked in today) */
      streak: number;
      /** @description points today’s check-in gives (or gave) */
      todayReward: number;
      tomorrowReward: number;
      month: string;
      /** @description every checked-in day of the month, made-up days included */
      checkedInDates: string[];
      /** @description the month’s days that were made up */
      madeUpDates: string[];
      cycle: components['schemas']['CheckInCycle'];
      milestones: components['schemas']['CheckInMilestoneState'][];
      makeUp: components['schemas']['CheckInMakeUpState'];
      rules: components['schemas']['CheckInRules'];
    };
    CheckInCycle: {
      /** @enum {string} */
      kind: 'streak' | 'week' | 'month';
      /**
       * @description first day of the current cycle (null under the streak rule)
       * @example 2026-11-22
       */
      start: string | null;
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      end: string | null;
      /** @description check-ins in the current cycle, made-up days included */
      count: number;
    };
    CheckInMilestoneState: {
      count: number;
      points: number;
      growth: number;
      reached: boolean;
      claimed: boolean;
    };
    CheckInMakeUpState: {
      enabled: boolean;
      costPoints: number;
      payReward: boolean;
      maxPerCycle: number;
      used: number;
      left: number;
      /** @description missed days of the current cycle that can be made up now */
      days: string[];
    };
    CheckInRules: {
      /**
       * @description points for streak day 1, 2, 3, …
       * @example [
       *       5,
       *       5,
       *       10,
       *       10,
       *       15,
       *       15,
       *       30
       *     ]
       */
      rewards: number[];
      /**
       * @description past the last day: restart at day 1, or hold the last reward
       * @enum {string}
       */
      afterCycle: 'restart' | 'hold';
      /**
       * @description streak: rewards follow the unbroken streak (no cycle); week: Monday to Sunday; month: the calendar month (both in the merchant’s time zone). In a cycle the daily reward follows the streak within the cycle.
       * @default streak
       * @enum {string}
       */
      cycle: 'streak' | 'week' | 'month';
      /**
       * @description bonuses on the Nth check-in of a cycle, each paid once per cycle (week or month only)
       * @default []
       */
      cumulativeRewards: components['schemas']['CheckInMilestone'][];
      /**
       * @description make-up check-in (补签) of a missed day of the current cycle
       * @default {
       *       "enabled": false,
       *       "costPoints": 0,
       *       "maxPerCycle": 1,
       *       "payReward": false
       *     }
       */
      makeUp: {
        enabled: boolean;
        /** @description points a make-up costs (0 = free) */
        costPoints: number;
        /** @description make-ups a member may use in one cycle */
        maxPerCycle: number;
        /** @description whether a made-up day pays its daily reward (and its growth) */
        payReward: boolean;
      };
    };
    CheckInMilestone: {
      /** @description paid on the member’s Nth check-in of the cycle */
      count: number;
      points: number;
      /** @default 0 */
      growth: number;
    };
    CheckInResult: {
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      businessDate: string;
      streak: number;
      reward: number;
      pointsBalance: number;
      tomorrowReward: number;
      /** @description cumulative rewards this check-in reached */
      bonus?: number;
    };
    CheckInMakeUpResult: {
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      businessDate: string;
      /** @description the made-up day’s streak */
      streak: number;
      /** @description the streak up to today (or yesterday) after the make-up */
      currentStreak: number;
      /** @description the day’s reward, paid only when the merchant says so */
      reward: number;
      cost: number;
      /** @description cumulative rewards this make-up reached */
      bonus: number;
      pointsBalance: number;
      makeUpsLeft: number;
    };
    PointsLedgerPage: {
      balance: number;
      entries: components['schemas']['PointsEntry'][];
      nextCursor: number | null;
    };
    PointsEntry: {
      id: number;
      delta: number;
      /** @enum {string} */
      kind: 'earn' | 'spend' | 'expire' | 'reverse' | 'adjust';
      /** @enum {string} */
      reason:
        | 'check_in'
        | 'adjustment'
        | 'order'
        | 'task'
        | 'checkout'
        | 'checkout_return'
        | 'order_refund'
        | 'expiry'
        | 'mall_redemption'
        | 'mall_return'
        | 'birthday_gift'
        | 'invitation';
      sourceKey: string;
      note: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
    };
    PointsSummary: {
      /** @description can be spent now */
      available: number;
      /** @description earned by orders, available once their refund window has passed */
      pending: number;
      /** @description taken back by refunds after being spent; repaid from the next earnings */
      debt: number;
      /** @description the next expiry within the merchant’s notice period: how many points, when */
      expiringSoon: {
        points: number;
        /**
         * @description UTC instant, ISO 8601
         * @example 2026-11-22T08:00:00.000Z
         */
        at: string;
      } | null;
      /** @description the next few expiry dates */
      nextExpiries: {
        points: number;
        /**
         * @description UTC instant, ISO 8601
         * @example 2026-11-22T08:00:00.000Z
         */
        at: string;
      }[];
      pendingItems: {
        points: number;
        orderId: number | null;
        /**
         * @description UTC instant, ISO 8601
         * @example 2026-11-22T08:00:00.000Z
         */
        maturesAt: string | null;
      }[];
    };
    PointsTaskList: {
      items: {
        /** @enum {string} */
        task: 'complete_profile' | 'bind_phone' | 'first_order';
        points: number;
        done: boolean;
      }[];
    };
    TierLadder: {
      tiers: components['schemas']['Tier'][];
    };
    Tier: {
      level: number;
      name: string;
      growthThreshold: number;
      benefits: {
        memberPrice: {
          /** @description share off in basis points; 0: no member price */
          basisPoints: number;
          /**
           * @description categories: a top-level category covers its subcategories
           * @enum {string}
           */
          scope: 'all' | 'products' | 'categories';
          /** @description product or category ids, by the scope; empty for all */
          ids: number[];
        };
        /** @description points earned × this / 10000 (15000: 1.5×) */
        pointsMultiplierBp: number;
        freeShipping: boolean;
        birthdayGift: {
          points: number;
          couponTemplateId: number | null;
        };
        display: {
          /** @description an icon name or an image URL */
          icon: string;
          text: string;
        }[];
      };
      id: number;
    };
    MyTier: {
      tier: components['schemas']['Tier'];
      /** @description all growth held */
      growth: number;
      /** @description the growth that places the member: all of it, or the last windowMonths’ under hold_then_reevaluate */
      qualifyingGrowth: number;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      reachedAt: string | null;
      /**
       * @description the tier is kept at least until then; null: kept for good
       * @example 2026-11-22T08:00:00.000Z
       */
      heldUntil: string | null;
      next: {
        tier: components['schemas']['Tier'];
        growthNeeded: number;
        /** @description progress from this tier to the next, basis points */
        progressBp: number;
      } | null;
    };
    GrowthLedgerPage: {
      growth: number;
      entries: components['schemas']['GrowthEntry'][];
      nextCursor: number | null;
    };
    GrowthEntry: {
      id: number;
      delta: number;
      /** @enum {string} */
      reason: 'order' | 'order_refund' | 'check_in' | 'task' | 'manual' | 'merge';
      sourceKey: string;
      note: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
    };
    BirthdayResult: {
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      birthday: string;
    };
    SetBirthdayRequest: {
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      birthday: string;
    };
    StaffLoginResponse: {
      token: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      expiresAt: string;
      staff: components['schemas']['StaffProfile'];
    };
    StaffProfile: {
      id: number;
      username: string;
      displayName: string;
      /** @enum {string} */
      role: 'owner' | 'operator' | 'viewer';
    };
    StaffLoginRequest: {
      username: string;
      password: string;
    };
    ConsoleLoginResponse: {
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      expiresAt: string;
      staff: components['schemas']['StaffProfile'];
      /** @description also set as the readable siyu_csrf cookie; echo it in X-CSRF-Token on every mutating request */
      csrfToken: string;
    };
    MerchantMe: {
      staff: components['schemas']['StaffProfile'];
      timeZone: string;
      businessDate: string;
    };
    StaffList: {
      items: components['schemas']['StaffMember'][];
    };
    StaffMember: {
      id: number;
      username: string;
      displayName: string;
      /** @enum {string} */
      role: 'owner' | 'operator' | 'viewer';
      disabled: boolean;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      disabledAt: string | null;
    };
    NewStaffMember: {
      username: string;
      displayName: string;
      /** @enum {string} */
      role: 'owner' | 'operator' | 'viewer';
      password: string;
    };
    UpdateStaffMember: {
      displayName?: string;
      /** @enum {string} */
      role?: 'owner' | 'operator' | 'viewer';
      /** @description true disables the account and ends its sessions; false enables it again */
      disabled?: boolean;
    };
    ResetStaffPassword: {
      password: string;
    };
    Dashboard: {
      timeZone: string;
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      today: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      generatedAt: string;
      periods: {
        today: components['schemas']['DashboardPeriod'];
        last7Days: components['schemas']['DashboardPeriod'];
        last30Days: components['schemas']['DashboardPeriod'];
      };
      /** @description the last 30 business days, oldest first (today last) */
      days: components['schemas']['DashboardDay'][];
    };
    DashboardPeriod: {
      paidOrders: number;
      /** @description payable amount of the orders paid */
      salesFen: number;
      /** @description salesFen / paidOrders, rounded to the fen; 0 without orders */
      averageOrderFen: number;
      /** @description refunds that completed (money back to the payer) */
      refunds: number;
      refundFen: number;
      newMembers: number;
      /** @description by the platform of the member’s first login */
      newMembersByPlatform: {
        weapp: number;
        alipay: number;
        tt: number;
      };
      checkIns: number;
      paidOrdersByPlatform: {
        weapp: number;
        alipay: number;
        tt: number;
      };
      salesFenByPlatform: {
        weapp: number;
        alipay: number;
        tt: number;
      };
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      from: string;
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      to: string;
    };
    DashboardDay: {
      paidOrders: number;
      /** @description payable amount of the orders paid */
      salesFen: number;
      /** @description salesFen / paidOrders, rounded to the fen; 0 without orders */
      averageOrderFen: number;
      /** @description refunds that completed (money back to the payer) */
      refunds: number;
      refundFen: number;
      newMembers: number;
      /** @description by the platform of the member’s first login */
      newMembersByPlatform: {
        weapp: number;
        alipay: number;
        tt: number;
      };
      checkIns: number;
      paidOrdersByPlatform: {
        weapp: number;
        alipay: number;
        tt: number;
      };
      salesFenByPlatform: {
        weapp: number;
        alipay: number;
        tt: number;
      };
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      date: string;
    };
    TrafficReport: {
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      from: string;
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      to: string;
      rows: {
        /**
         * @description Calendar date in the merchant's time zone
         * @example 2026-11-22
         */
        date: string;
        platform: string;
        channel: string;
        visitors: number;
        sessions: number;
        pageViews: number;
      }[];
    };
    /** @description member-days at each step: a member counts once per day per step */
    FunnelReport: {
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      from: string;
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      to: string;
      platform: string | null;
      steps: {
        /** @enum {string} */
        step: 'visit' | 'product_view' | 'add_to_cart' | 'order' | 'paid';
        members: number;
      }[];
      days: {
        /**
         * @description Calendar date in the merchant's time zone
         * @example 2026-11-22
         */
        date: string;
        visit: number;
        product_view: number;
        add_to_cart: number;
        order: number;
        paid: number;
      }[];
    };
    CohortReport: {
      months: string[];
      cohorts: {
        cohort: string;
        buyers: number;
        /** @description buyers of the cohort paying again in month +1, +2, … */
        retained: number[];
      }[];
    };
    BuyersReport: {
      months: {
        month: string;
        buyers: number;
        newBuyers: number;
        returningBuyers: number;
        orders: number;
        salesFen: number;
        averageOrderFen: number;
      }[];
      /** @description share of buyers with 2 or more paid orders (all time) */
      repurchaseRate: number;
    };
    ProductInterestReport: {
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      from: string;
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      to: string;
      rows: {
        productId: number;
        title: string;
        views: number;
        viewers: number;
        addToCarts: number;
        unitsSold: number;
        buyers: number;
      }[];
    };
    EngagementReport: {
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      from: string;
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      to: string;
      days: {
        /**
         * @description Calendar date in the merchant's time zone
         * @example 2026-11-22
         */
        date: string;
        couponClaims: number;
        checkInMembers: number;
        shares: number;
        searches: number;
        visitors: number;
      }[];
      couponRoi: {
        ordersWithCoupon: number;
        discountFen: number;
        salesFen: number;
      };
      pointsRoi: {
        ordersWithPoints: number;
        discountFen: number;
        salesFen: number;
      };
    };
    EventBatchResult: {
      /** @description events in the batch */
      accepted: number;
      /** @description events stored now (the others were stored before: same id) */
      stored: number;
    };
    EventBatch: {
      events: components['schemas']['TrackedEvent'][];
    };
    TrackedEvent: {
      /** @description made by the client once per event (a UUID); the same id twice is stored once */
      id: string;
      /** @enum {string} */
      kind: 'page_view' | 'product_view' | 'search' | 'add_to_cart' | 'checkout_start' | 'coupon_claim' | 'share' | 'check_in';
      /**
       * Format: date-time
       * @description when it happened on the device; clamped to the last 7 days
       */
      at: string;
      sessionId: string;
      /** @enum {string} */
      platform: 'weapp' | 'alipay' | 'tt' | 'h5';
      page?: string;
      productId?: number;
      channel?: string;
      shareId?: string;
      detail?: string;
    };
    EventSettings: {
      /** @description days raw events are kept; daily rollups are kept for good */
      rawRetentionDays: number;
    };
    RollupRunResult: {
      dates: string[];
      purged: number;
    };
    MerchantMemberPage: {
      items: components['schemas']['MerchantMemberSummary'][];
      page: number;
      pageSize: number;
      total: number;
    };
    MerchantMemberSummary: {
      id: number;
      nickname: string;
      avatarUrl: string | null;
      pointsBalance: number;
      platforms: ('weapp' | 'alipay' | 'tt')[];
      phoneMasked: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      closedAt: string | null;
      /** @description set on a member absorbed by a merge: the member it became */
      mergedInto: number | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
    };
    MerchantMemberDetail: {
      id: number;
      nickname: string;
      avatarUrl: string | null;
      pointsBalance: number;
      platforms: ('weapp' | 'alipay' | 'tt')[];
      phoneMasked: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      closedAt: string | null;
      /** @description set on a member absorbed by a merge: the member it became */
      mergedInto: number | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      identities: components['schemas']['MemberIdentity'][];
      /** @enum {string} */
      gender: 'unknown' | 'male' | 'female';
      birthday: string | null;
      /** @description merges this member took part in, as survivor or absorbed, newest first */
      merges: components['schemas']['MemberMerge'][];
    };
    MemberMergeList: {
      items: components['schemas']['MemberMerge'][];
    };
    MerchantPointsLedgerPage: {
      balance: number;
      entries: components['schemas']['MerchantPointsEntry'][];
      nextCursor: number | null;
    };
    MerchantPointsEntry: {
      id: number;
      delta: number;
      /** @enum {string} */
      kind: 'earn' | 'spend' | 'expire' | 'reverse' | 'adjust';
      /** @enum {string} */
      reason:
        | 'check_in'
        | 'adjustment'
        | 'order'
        | 'task'
        | 'checkout'
        | 'checkout_return'
        | 'order_refund'
        | 'expiry'
        | 'mall_redemption'
        | 'mall_return'
        | 'birthday_gift'
        | 'invitation';
      sourceKey: string;
      note: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /** @description who posted a manual adjustment */
      staffId: number | null;
    };
    PointsAdjustmentResult: {
      entry: components['schemas']['MerchantPointsEntry'];
      balance: number;
    };
    PointsAdjustmentRequest: {
      delta: number;
      reason: string;
      /** @description one per adjustment the merchant means (e.g. a UUID made when the form opens): sending it again posts nothing twice */
      key?: string;
    };
    PointsRules: {
      earning: {
        /** @description points per yuan actually paid for goods (after discounts, without shipping) */
        pointsPerYuan: number;
        /** @description days after an order completes before its points become available */
        maturityDays: number;
      };
      expiry: {
        /**
         * @description end_of_next_year: points earned in a year expire at the end of the following year (merchant’s time zone)
         * @enum {string}
         */
        policy: 'never' | 'days_after_earning' | 'end_of_next_year';
        /** @description for days_after_earning */
        days: number;
        /** @description show an expiry as “soon” this many days ahead */
        noticeDays: number;
      };
      checkout: {
        enabled: boolean;
        /** @description how many points make one yuan at checkout (100: 1 point = 1 fen) */
        pointsPerYuan: number;
        /** @description at most this share (basis points) of the goods after other discounts */
        maxShareBp: number;
      };
      /**
       * @description when a refund takes back points already spent: let the balance go below zero (repaid from future earnings), or take their value off the refund
       * @enum {string}
       */
      refundOfSpentPoints: 'allow_negative' | 'deduct_from_refund';
      tasks: {
        complete_profile: number;
        bind_phone: number;
        first_order: number;
      };
    };
    TiersConfig: {
      tiers: {
        level: number;
        name: string;
        growthThreshold: number;
        benefits: {
          memberPrice: {
            /** @description share off in basis points; 0: no member price */
            basisPoints: number;
            /**
             * @description categories: a top-level category covers its subcategories
             * @enum {string}
             */
            scope: 'all' | 'products' | 'categories';
            /** @description product or category ids, by the scope; empty for all */
            ids: number[];
          };
          /** @description points earned × this / 10000 (15000: 1.5×) */
          pointsMultiplierBp: number;
          freeShipping: boolean;
          birthdayGift: {
            points: number;
            couponTemplateId: number | null;
          };
          display: {
            /** @description an icon name or an image URL */
            icon: string;
            text: string;
          }[];
        };
      }[];
    };
    TierRules: {
      /** @description growth per whole yuan actually paid for goods (after discounts, without shipping) */
      perYuan: number;
      /** @description growth per daily check-in */
      checkIn: number;
      /** @description growth per completed points task */
      task: number;
      downgrade: {
        /**
         * @description hold_then_reevaluate: a tier holds for holdMonths from reaching it, then the member is placed by the growth of the last windowMonths
         * @enum {string}
         */
        policy: 'never' | 'hold_then_reevaluate';
        holdMonths: number;
        windowMonths: number;
      };
      birthdayGift: {
        /**
         * @description month: any day of the birthday month; day: on the birthday or later that month (catching up)
         * @enum {string}
         */
        when: 'month' | 'day';
      };
    };
    MerchantMemberTier: {
      memberId: number;
      level: number;
      tierName: string;
      growth: number;
      qualifyingGrowth: number;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      reachedAt: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      heldUntil: string | null;
      /**
       * @description Calendar date in the merchant's time zone
       * @example 2026-11-22
       */
      birthday: string | null;
      /** @description newest first */
      changes: components['schemas']['TierChange'][];
    };
    TierChange: {
      id: number;
      fromLevel: number;
      toLevel: number;
      /** @enum {string} */
      reason: 'upgrade' | 'downgrade' | 'config';
      /** @description the qualifying growth when it changed */
      growth: number;
      note: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
    };
    MerchantGrowthLedgerPage: {
      growth: number;
      entries: {
        id: number;
        delta: number;
        /** @enum {string} */
        reason: 'order' | 'order_refund' | 'check_in' | 'task' | 'manual' | 'merge';
        sourceKey: string;
        note: string | null;
        /**
         * @description UTC instant, ISO 8601
         * @example 2026-11-22T08:00:00.000Z
         */
        createdAt: string;
        staffId: number | null;
      }[];
      nextCursor: number | null;
    };
    GrowthAdjustmentResult: {
      entry: {
        id: number;
        delta: number;
        /** @enum {string} */
        reason: 'order' | 'order_refund' | 'check_in' | 'task' | 'manual' | 'merge';
        sourceKey: string;
        note: string | null;
        /**
         * @description UTC instant, ISO 8601
         * @example 2026-11-22T08:00:00.000Z
         */
        createdAt: string;
        staffId: number | null;
      };
      growth: number;
      level: number;
    };
    GrowthAdjustmentRequest: {
      delta: number;
      reason: string;
      /** @description the client’s key for this adjustment: sent twice, it posts once */
      key?: string;
    };
    MemberCheckIns: {
      month: string;
      items: {
        /**
         * @description Calendar date in the merchant's time zone
         * @example 2026-11-22
         */
        businessDate: string;
        streak: number;
        reward: number;
        /**
         * @description UTC instant, ISO 8601
         * @example 2026-11-22T08:00:00.000Z
         */
        createdAt: string;
        /**
         * @description when the day was made up (补签); null for a check-in on the day
         * @example 2026-11-22T08:00:00.000Z
         */
        madeUpAt: string | null;
      }[];
    };
    CategoryTree: {
      id: number;
      name: string;
      parentId: number | null;
      sortOrder: number;
      children: components['schemas']['Category'][];
    }[];
    Category: {
      id: number;
      name: string;
      parentId: number | null;
      sortOrder: number;
    };
    ProductPage: {
      items: components['schemas']['ProductSummary'][];
      page: number;
      pageSize: number;
      total: number;
    };
    ProductSummary: {
      id: number;
      title: string;
      subtitle: string;
      categoryId: number | null;
      coverUrl: string | null;
      /** @description integer fen (1 yuan = 100 fen) */
      minPriceFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      maxPriceFen: number;
      /** @description null for shoppers while below the merchant’s threshold (storefront settings); merchants always see it */
      salesCount: number | null;
      inStock: boolean;
      /** @enum {string} */
      status: 'draft' | 'on_shelf' | 'off_shelf';
      sortOrder: number;
      /** @description merchant views only: the sum of the SKUs’ stock */
      totalStock?: number;
      /** @description merchant views only: the lowest stock of any SKU */
      lowestStock?: number;
    };
    ProductDetail: {
      id: number;
      title: string;
      subtitle: string;
      categoryId: number | null;
      coverUrl: string | null;
      /** @description integer fen (1 yuan = 100 fen) */
      minPriceFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      maxPriceFen: number;
      /** @description null for shoppers while below the merchant’s threshold (storefront settings); merchants always see it */
      salesCount: number | null;
      inStock: boolean;
      /** @enum {string} */
      status: 'draft' | 'on_shelf' | 'off_shelf';
      sortOrder: number;
      /** @description merchant views only: the sum of the SKUs’ stock */
      totalStock?: number;
      /** @description merchant views only: the lowest stock of any SKU */
      lowestStock?: number;
      imageUrls: string[];
      description: string;
      skus: components['schemas']['Sku'][];
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      updatedAt: string;
    };
    Sku: {
      id: number;
      code: string;
      specs: {
        [key: string]: string;
      };
      /** @description integer fen (1 yuan = 100 fen) */
      priceFen: number;
      stock: number;
    };
    Storefront: {
      notice: string;
      banners: components['schemas']['Banner'][];
      hotWords: string[];
      /** @description orders from this many fen ship free; null: never */
      freeShippingThresholdFen: number | null;
    };
    Banner: {
      imageUrl: string;
      /**
       * @description read aloud by screen readers; not drawn
       * @default
       */
      title: string;
      /** @default null */
      link:
        | {
            /** @enum {string} */
            type: 'product';
            productId: number;
          }
        | {
            /** @enum {string} */
            type: 'category';
            categoryId: number;
          }
        | {
            /** @enum {string} */
            type: 'page';
            /** @enum {string} */
            page: 'check-in' | 'coupon-centre' | 'search' | 'category' | 'member';
          }
        | null;
    };
    StorefrontSettings: {
      /** @description shoppers see a product’s sales count only from this many sales on (0: always) */
      salesCountThreshold: number;
      /** @description the home page’s notice bar; empty: none */
      notice: string;
      banners: components['schemas']['Banner'][];
      /** @description suggested on the search page, in this order */
      hotWords: string[];
    };
    NewCategory: {
      name: string;
      parentId?: number | null;
      /** @description larger comes first */
      sortOrder?: number;
    };
    UpdateCategory: {
      name?: string;
      /** @description larger comes first */
      sortOrder?: number;
    };
    NewProduct: {
      title: string;
      subtitle?: string;
      categoryId?: number | null;
      imageUrls?: string[];
      /** @description rich description: text or HTML */
      description?: string;
      /** @description larger comes first */
      sortOrder?: number;
      skus: components['schemas']['NewSku'][];
    };
    NewSku: {
      code?: string;
      /**
       * @example {
       *       "颜色": "红",
       *       "尺码": "M"
       *     }
       */
      specs?: {
        [key: string]: string;
      };
      /** @description integer fen (1 yuan = 100 fen) */
      priceFen: number;
      stock?: number;
    };
    UpdateProduct: {
      title?: string;
      subtitle?: string;
      categoryId?: number | null;
      imageUrls?: string[];
      description?: string;
      /** @description larger comes first */
      sortOrder?: number;
    };
    BulkShelfResult: {
      moved: number[];
      skipped: {
        id: number;
        /** @enum {string} */
        reason: 'not_found' | 'invalid_state';
        /** @enum {string|null} */
        status: 'draft' | 'on_shelf' | 'off_shelf' | null;
      }[];
    };
    BulkShelfRequest: {
      productIds: number[];
      onShelf: boolean;
    };
    UpdateSku: {
      code?: string;
      /**
       * @example {
       *       "颜色": "红",
       *       "尺码": "M"
       *     }
       */
      specs?: {
        [key: string]: string;
      };
      /** @description integer fen (1 yuan = 100 fen) */
      priceFen?: number;
    };
    StockAdjustment: {
      delta: number;
      reason: string;
    };
    StockMovementList: {
      sku: components['schemas']['Sku'];
      movements: components['schemas']['StockMovement'][];
    };
    StockMovement: {
      id: number;
      skuId: number;
      delta: number;
      stockAfter: number;
      /** @enum {string} */
      kind: 'initial' | 'adjustment' | 'order_reserve' | 'order_release';
      reason: string;
      staffId: number | null;
      orderId: number | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
    };
    AddressList: {
      items: components['schemas']['Address'][];
    };
    Address: {
      id: number;
      name: string;
      phone: string;
      province: string;
      city: string;
      district: string;
      detail: string;
      isDefault: boolean;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
    };
    NewAddress: {
      name: string;
      phone: string;
      province: string;
      city: string;
      district: string;
      detail: string;
      isDefault?: boolean;
    };
    UpdateAddress: {
      name?: string;
      phone?: string;
      province?: string;
      city?: string;
      district?: string;
      detail?: string;
      isDefault?: boolean;
    };
    FavouritePage: {
      items: components['schemas']['Favourite'][];
      page: number;
      pageSize: number;
      total: number;
    };
    Favourite: {
      product: components['schemas']['ProductSummary'];
      /** @description false once the product is off shelf: shown as 已下架, not buyable */
      onSale: boolean;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
    };
    FavouriteState: {
      productId: number;
      isFavourite: boolean;
    };
    InboxPage: {
      items: components['schemas']['InboxMessage'][];
      page: number;
      pageSize: number;
      total: number;
      unread: number;
    };
    InboxMessage: {
      id: number;
      /** @enum {string} */
      kind:
        | 'order_shipped'
        | 'refund_result'
        | 'points_expiring'
        | 'coupon_expiring'
        | 'check_in_reminder'
        | 'redemption_shipped'
        | 'member_card_expiring';
      title: string;
      body: string;
      /** @description the mini-program page the message opens, with its query */
      page: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      readAt: string | null;
    };
    UnreadCount: {
      unread: number;
    };
    SubscriptionAsk: {
      /** @enum {string} */
      platform: 'weapp' | 'alipay' | 'tt';
      /** @enum {string} */
      moment: 'after_pay' | 'after_check_in' | 'coupon_claim' | 'redemption' | 'member_card';
      /** @description pass to requestSubscribeMessage; empty: do not ask */
      templateIds: string[];
      kinds: (
        | 'order_shipped'
        | 'refund_result'
        | 'points_expiring'
        | 'coupon_expiring'
        | 'check_in_reminder'
        | 'redemption_shipped'
        | 'member_card_expiring'
      )[];
    };
    ConsentList: {
      items: components['schemas']['Consent'][];
      unusedAccepts: number;
    };
    Consent: {
      id: number;
      /** @enum {string} */
      platform: 'weapp' | 'alipay' | 'tt';
      templateId: string;
      /** @enum {string} */
      answer: 'accept' | 'reject' | 'ban' | 'filter';
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      askedAt: string;
      usedAt: string | null;
    };
    RecordConsentsRequest: {
      /** @enum {string} */
      platform: 'weapp' | 'alipay' | 'tt';
      results: {
        [key: string]: 'accept' | 'reject' | 'ban' | 'filter';
      };
    };
    MessagePreferences: {
      checkInReminder: boolean;
    };
    MessageTemplateList: {
      items: components['schemas']['MessageTemplate'][];
      /** @description per kind, the data keys a template field can take */
      dataKeys: {
        order_shipped?: string[];
        refund_result?: string[];
        points_expiring?: string[];
        coupon_expiring?: string[];
        check_in_reminder?: string[];
        redemption_shipped?: string[];
        member_card_expiring?: string[];
      };
    };
    MessageTemplate: {
      /** @enum {string} */
      platform: 'weapp' | 'alipay' | 'tt';
      /** @enum {string} */
      kind:
        | 'order_shipped'
        | 'refund_result'
        | 'points_expiring'
        | 'coupon_expiring'
        | 'check_in_reminder'
        | 'redemption_shipped'
        | 'member_card_expiring';
      templateId: string;
      fields: {
        [key: string]: string;
      };
      page: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      updatedAt: string;
    };
    PutMessageTemplateRequest: {
      templateId: string;
      fields: {
        [key: string]: string;
      };
      page?: string | null;
    };
    SentMessagePage: {
      items: components['schemas']['SentMessage'][];
      page: number;
      pageSize: number;
      total: number;
    };
    SentMessage: {
      id: number;
      memberId: number;
      /** @enum {string} */
      kind:
        | 'order_shipped'
        | 'refund_result'
        | 'points_expiring'
        | 'coupon_expiring'
        | 'check_in_reminder'
        | 'redemption_shipped'
        | 'member_card_expiring';
      title: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      readAt: string | null;
      /** @enum {string} */
      delivery: 'pending' | 'sending' | 'sent' | 'inbox_only' | 'refused' | 'failed' | 'unknown';
      platform: ('weapp' | 'alipay' | 'tt') | null;
      templateId: string | null;
      attempts: number;
      deliveredAt: string | null;
      /** @description why it went no further: no_consent, no_template, or the platform's code */
      deliveryCode: string | null;
      deliveryDetail: string | null;
    };
    InvitationRulesView: {
      enabled: boolean;
      refundWindowDays: number;
      inviterReward: components['schemas']['InviterReward'];
      inviteeWelcome: components['schemas']['InviteeWelcome'];
      dailyCapPerInviter: number;
      requirePhone: boolean;
    };
    InviterReward: {
      points: number;
      couponTemplateIds: number[];
      growth: number;
    };
    InviteeWelcome: {
      points: number;
      couponTemplateIds: number[];
    };
    MyInvitations: {
      invited: number;
      pending: number;
      granted: number;
      pointsEarned: number;
      items: components['schemas']['MyInvitation'][];
    };
    MyInvitation: {
      id: number;
      /** @description masked: 林** */
      inviteeName: string;
      inviteeAvatarUrl: string | null;
      /** @enum {string} */
      status: 'bound' | 'pending' | 'granted' | 'cancelled' | 'withheld' | 'over_cap' | 'void';
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      boundAt: string;
      /** @description pending: when the reward is granted if nothing is refunded */
      dueAt: string | null;
      settledAt: string | null;
    };
    InvitationLeaderboard: {
      month: string;
      items: {
        rank: number;
        name: string;
        avatarUrl: string | null;
        invited: number;
        me: boolean;
      }[];
      mine: {
        rank: number | null;
        invited: number;
      };
    };
    InvitationRules: {
      enabled: boolean;
      /** @description an invitation binds a new member within this many days of being issued */
      bindWindowDays: number;
      /** @description the inviter's reward waits this many days after the invitee's first paid order; a refund in them cancels it */
      refundWindowDays: number;
      inviterReward: components['schemas']['InviterReward'];
      inviteeWelcome: components['schemas']['InviteeWelcome'];
      /** @description invitations per inviter and business day that can earn a reward */
      dailyCapPerInviter: number;
      /** @description reward only invitees who bound a phone by the time the reward is due */
      requirePhone: boolean;
      /** @description flag an inviter's invitees when this many came from one network address */
      riskAddressThreshold: number;
    };
    MerchantInvitationPage: {
      items: components['schemas']['MerchantInvitation'][];
      page: number;
      pageSize: number;
      total: number;
    };
    MerchantInvitation: {
      id: number;
      inviter: {
        id: number;
        nickname: string;
      };
      invitee: {
        id: number;
        nickname: string;
        phoneBound: boolean;
      };
      /** @enum {string} */
      status: 'bound' | 'pending' | 'granted' | 'cancelled' | 'withheld' | 'over_cap' | 'void';
      reason: string | null;
      orderId: number | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      boundAt: string;
      dueAt: string | null;
      settledAt: string | null;
      riskFlags: 'shared_address'[];
      /** @description how many of the inviter's invitees share this invitee's network address (this one included) */
      sameAddressInvitees: number;
    };
    WithholdInvitationRequest: {
      reason: string;
    };
    ShareIssued: {
      /** @example a1B2c3D4e5 */
      shareId: string;
      /** @enum {string} */
      kind: 'product' | 'coupon' | 'mall_item' | 'invitation' | 'poster' | 'shop' | 'guide';
      targetId: number | null;
      /** @enum {string} */
      channel: 'card' | 'poster' | 'code' | 'link' | 'timeline';
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      expiresAt: string;
    };
    IssueShareRequest: {
      /** @enum {string} */
      kind: 'product' | 'coupon' | 'mall_item' | 'invitation' | 'poster' | 'shop';
      /** @description the product, coupon template or points-mall item; only for those kinds */
      targetId?: number;
      /** @enum {string} */
      channel: 'card' | 'poster' | 'code' | 'link' | 'timeline';
    };
    ShareCode: {
      shareId: string;
      /** @enum {string} */
      platform: 'weapp' | 'alipay' | 'tt' | 'h5';
      /** @description data:image/png;base64,… (Alipay: the image as its CDN serves it) */
      image: string;
    };
    LandingResult: {
      /** @description false when the id was unknown, forged or expired (ignored, not an error) */
      recorded: boolean;
      kind: ('product' | 'coupon' | 'mall_item' | 'invitation' | 'poster' | 'shop' | 'guide') | null;
      targetId: number | null;
    };
    RecordLandingRequest: {
      /**
       * @description a share id the server issued (10 base62 characters)
       * @example a1B2c3D4e5
       */
      shareId: string;
      /**
       * @description the super-app the shopper landed in (h5 sends none)
       * @enum {string}
       */
      platform?: 'weapp' | 'alipay' | 'tt';
    };
    Cart: {
      lines: components['schemas']['CartLine'][];
      selectedCount: number;
      /** @description current prices of the selected lines that can be bought */
      selectedItemsFen: number;
    };
    CartLine: {
      id: number;
      skuId: number;
      productId: number;
      title: string;
      specs: {
        [key: string]: string;
      };
      imageUrl: string | null;
      quantity: number;
      selected: boolean;
      /** @description the current price */
      priceFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      priceWhenAddedFen: number;
      stock: number;
      /** @description why the line is stale; empty when it can be bought as is */
      problems: ('off_shelf' | 'out_of_stock' | 'insufficient_stock' | 'price_changed')[];
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      addedAt: string;
    };
    AddCartLine: {
      skuId: number;
      quantity?: number;
    };
    UpdateCartLine: {
      quantity?: number;
      selected?: boolean;
    };
    SelectAllCartLines: {
      selected: boolean;
    };
    CheckoutPreview: {
      lines: components['schemas']['PreviewLine'][];
      breakdown: components['schemas']['BreakdownLine'][];
      /** @description integer fen (1 yuan = 100 fen) */
      itemsFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      shippingFen: number;
      /** @description all discounts, on goods and on shipping */
      discountFen: number;
      /** @description itemsFen + shippingFen - discountFen */
      payableFen: number;
      address: components['schemas']['ShippingAddressSnapshot'] | null;
      coupons: components['schemas']['CheckoutCoupons'];
      points: components['schemas']['CheckoutPoints'];
      canSubmit: boolean;
    };
    PreviewLine: {
      skuId: number;
      productId: number;
      title: string;
      specs: {
        [key: string]: string;
      };
      imageUrl: string | null;
      /** @description integer fen (1 yuan = 100 fen) */
      unitPriceFen: number;
      quantity: number;
      /** @description integer fen (1 yuan = 100 fen) */
      lineTotalFen: number;
      /** @description this line’s share of the discounts */
      discountFen: number;
      /** @description what this line costs after discounts; null when it cannot be bought (see problem) */
      paidFen: number | null;
      /** @enum {string|null} */
      problem: 'unavailable' | 'insufficient_stock' | null;
    };
    BreakdownLine: {
      /** @enum {string} */
      kind: 'items' | 'shipping' | 'discount';
      /** @description items, shipping_flat, shipping_free_threshold, shipping_none, or a discount’s own code */
      code: string;
      /** @description for shoppers, in Simplified Chinese */
      label: string;
      /** @description negative for discounts */
      amountFen: number;
      source: components['schemas']['AdjustmentSource'] | null;
    };
    /** @description what a discount comes from: a coupon, a tier, the points balance, … */
    AdjustmentSource: {
      /** @example coupon */
      type: string;
      id: number | null;
    };
    ShippingAddressSnapshot: {
      name: string;
      phone: string;
      province: string;
      city: string;
      district: string;
      detail: string;
    };
    CheckoutCoupons: {
      /** @description the coupons this checkout uses */
      selectedIds: number[];
      /** @description true: the server chose the best allowed combination (no couponIds sent) */
      auto: boolean;
      /** @description integer fen (1 yuan = 100 fen) */
      savingFen: number;
      usable: {
        coupon: components['schemas']['Coupon'];
        /** @description what it would take off on its own */
        savingFen: number;
      }[];
      unusable: {
        coupon: components['schemas']['Coupon'];
        /** @enum {string} */
        reason: 'below_threshold' | 'outside_scope' | 'not_yet_valid' | 'expired' | 'tier_too_low' | 'does_not_stack' | 'in_use';
        /** @description the reason, for shoppers */
        detail: string;
      }[];
    };
    Coupon: {
      id: number;
      templateId: number;
      name: string;
      description: string;
      /** @enum {string} */
      kind: 'threshold_off' | 'no_threshold_off' | 'percent_off' | 'free_shipping';
      /** @description integer fen (1 yuan = 100 fen) */
      amountFen: number | null;
      percentOffBp: number | null;
      /** @description integer fen (1 yuan = 100 fen) */
      capFen: number | null;
      /** @description integer fen (1 yuan = 100 fen) */
      thresholdFen: number;
      scope: components['schemas']['CouponScope'];
      minTierLevel: number;
      stacking: components['schemas']['CouponStacking'];
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      validFrom: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      validUntil: string;
      /**
       * @description locked: held by an unpaid order
       * @enum {string}
       */
      status: 'available' | 'locked' | 'used' | 'expired';
      orderId: number | null;
      /** @enum {string} */
      source: 'claim' | 'new_member' | 'targeted' | 'code' | 'gift';
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      claimedAt: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      usedAt: string | null;
    };
    CouponScope: {
      /** @enum {string} */
      type: 'all' | 'categories' | 'products';
      /**
       * @description the categories or products it covers (a top-level category covers its subcategories)
       * @default []
       */
      ids: number[];
      /** @default [] */
      excludeProductIds: number[];
    };
    CouponStacking: {
      /**
       * @description kinds of other coupons it combines with (both must allow it)
       * @default []
       */
      withCouponKinds: ('threshold_off' | 'no_threshold_off' | 'percent_off' | 'free_shipping')[];
      /** @default true */
      withTierDiscount: boolean;
      /** @default true */
      withPoints: boolean;
    };
    CheckoutPoints: {
      /** @description the merchant takes points at checkout */
      enabled: boolean;
      available: number;
      /** @description the most this checkout can take */
      maxPoints: number;
      /** @description what maxPoints are worth here */
      maxSavingFen: number;
      using: boolean;
      pointsUsed: number;
      savingFen: number;
      /** @description why points cannot be used, for shoppers */
      unavailableReason: string | null;
      /** @description points pay at most this share of what the goods still cost, in basis points (5000 = 50 %) */
      maxShareBp: number;
      /**
       * @description what caps maxPoints: the member’s balance, or the share of the goods; null when points cannot be used
       * @enum {string|null}
       */
      limitedBy: 'balance' | 'share' | null;
      /** @description what this order earns once paid, as priced now (tier multiplier included) */
      earnPoints: number;
    };
    CheckoutPreviewRequest: {
      /** @description buy these now; or send fromCart */
      items?: {
        skuId: number;
        quantity: number;
      }[];
      /**
       * @description buy the selected cart lines
       * @enum {boolean}
       */
      fromCart?: true;
      remark?: string;
      /** @description the coupons to use; omit to let the server choose the best allowed combination, [] for none */
      couponIds?: number[];
      /** @description pay part with points, as much as the rules allow */
      usePoints?: boolean;
      /** @description pay from the stored-value balance, as much of the payable as it covers; the platform is asked for the rest */
      useBalance?: boolean;
      addressId?: number;
    };
    MemberPrices: {
      /** @description on-shelf products only, in the order asked */
      items: components['schemas']['ProductMemberPrice'][];
    };
    ProductMemberPrice: {
      productId: number;
      /** @description what the member price is called (银卡会员价); null without one */
      memberPriceLabel: string | null;
      /** @description the lowest member price of its SKUs; null when none has one */
      minMemberPriceFen: number | null;
      /** @description the lowest 券后价 of its SKUs; null when no coupon lowers any */
      minCouponPriceFen: number | null;
      skus: components['schemas']['SkuMemberPrice'][];
    };
    SkuMemberPrice: {
      skuId: number;
      /** @description integer fen (1 yuan = 100 fen) */
      priceFen: number;
      /** @description one unit after the tier’s member price; null when the tier gives none on it */
      memberPriceFen: number | null;
      /** @description 券后价: one unit after the member price and the best coupons the member holds; null when no coupon lowers it */
      couponPriceFen: number | null;
    };
    MemberPricesRequest: {
      productIds: number[];
    };
    Order: {
      id: number;
      /** @description also the platform trade number (out_trade_no) */
      orderNo: string;
      memberId: number;
      /** @enum {string} */
      status: 'awaiting_payment' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'refunded';
      /**
       * @description the super-app the order was placed from
       * @enum {string|null}
       */
      platform: 'weapp' | 'alipay' | 'tt' | null;
      lines: components['schemas']['OrderLine'][];
      /** @description read from what was decided at creation, never recomputed */
      breakdown: components['schemas']['BreakdownLine'][];
      /** @description integer fen (1 yuan = 100 fen) */
      itemsFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      shippingFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      discountFen: number;
      /** @description itemsFen + shippingFen - discountFen; 0 means settled at creation without a payment */
      payableFen: number;
      /** @description the part of the payable paid from the stored-value balance; the platform is asked for payableFen - balanceFen */
      balanceFen: number;
      address: components['schemas']['ShippingAddressSnapshot'];
      remark: string | null;
      /**
       * @description an unpaid order is closed at this instant
       * @example 2026-11-22T08:00:00.000Z
       */
      expiresAt: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      paidAt: string | null;
      /** @description null for an order paid in full by discounts */
      paymentPlatform: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      shippedAt: string | null;
      carrier: string | null;
      trackingNo: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      completedAt: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      cancelledAt: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /** @description sum of succeeded refunds; the order is refunded when this equals payableFen */
      refundedFen: number;
      /** @description points this order earned on payment (pending until it matures, less any taken back); 0 before payment */
      pointsEarned: number;
      events: components['schemas']['OrderEvent'][];
      /** @description newest first */
      refunds: components['schemas']['Refund'][];
    };
    OrderLine: {
      id: number;
      skuId: number;
      productId: number;
      title: string;
      specs: {
        [key: string]: string;
      };
      skuCode: string;
      imageUrl: string | null;
      /** @description integer fen (1 yuan = 100 fen) */
      unitPriceFen: number;
      quantity: number;
      /** @description integer fen (1 yuan = 100 fen) */
      lineTotalFen: number;
      /** @description this line’s share of the order’s discounts */
      discountFen: number;
      /** @description what this line really cost; refunds give back from this */
      paidFen: number;
    };
    OrderEvent: {
      /** @enum {string|null} */
      fromStatus: 'awaiting_payment' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'refunded' | null;
      /** @enum {string} */
      toStatus: 'awaiting_payment' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'refunded';
      /** @enum {string} */
      actorType: 'member' | 'staff' | 'system' | 'platform';
      actorId: number | null;
      note: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
    };
    Refund: {
      id: number;
      /** @description our refund number, sent to the platform (out_refund_no) */
      refundNo: string;
      orderId: number;
      /** @enum {string} */
      status: 'requested' | 'rejected' | 'processing' | 'succeeded' | 'failed';
      /** @description the lines, plus the shipping fee when this refund covers the whole order */
      amountFen: number;
      /** @description kept back for points this order earned that were already spent (the merchant’s rule) */
      pointsDeductionFen: number;
      /** @description what goes back to the payer: amountFen − pointsDeductionFen */
      payoutFen: number;
      reason: string;
      lines: components['schemas']['RefundLine'][];
      rejectReason: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /**
       * @description when staff approved or rejected it
       * @example 2026-11-22T08:00:00.000Z
       */
      decidedAt: string | null;
      /**
       * @description when the platform confirmed the money went back (or the refund failed)
       * @example 2026-11-22T08:00:00.000Z
       */
      completedAt: string | null;
    };
    RefundLine: {
      orderLineId: number;
      quantity: number;
      /** @description computed by the server from the line’s paid unit price */
      amountFen: number;
    };
    CreateOrderRequest: {
      /** @description buy these now; or send fromCart */
      items?: {
        skuId: number;
        quantity: number;
      }[];
      /**
       * @description buy the selected cart lines
       * @enum {boolean}
       */
      fromCart?: true;
      remark?: string;
      /** @description the coupons to use; omit to let the server choose the best allowed combination, [] for none */
      couponIds?: number[];
      /** @description pay part with points, as much as the rules allow */
      usePoints?: boolean;
      /** @description pay from the stored-value balance, as much of the payable as it covers; the platform is asked for the rest */
      useBalance?: boolean;
      addressId: number;
    };
    OrderPage: {
      items: components['schemas']['OrderSummary'][];
      page: number;
      pageSize: number;
      total: number;
    };
    OrderSummary: {
      id: number;
      /** @description also the platform trade number (out_trade_no) */
      orderNo: string;
      memberId: number;
      /** @enum {string} */
      status: 'awaiting_payment' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'refunded';
      /**
       * @description the super-app the order was placed from
       * @enum {string|null}
       */
      platform: 'weapp' | 'alipay' | 'tt' | null;
      lines: components['schemas']['OrderLine'][];
      /** @description integer fen (1 yuan = 100 fen) */
      itemsFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      shippingFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      discountFen: number;
      /** @description itemsFen + shippingFen - discountFen; 0 means settled at creation without a payment */
      payableFen: number;
      /** @description the part of the payable paid from the stored-value balance; the platform is asked for payableFen - balanceFen */
      balanceFen: number;
      remark: string | null;
      /**
       * @description an unpaid order is closed at this instant
       * @example 2026-11-22T08:00:00.000Z
       */
      expiresAt: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      paidAt: string | null;
      /** @description null for an order paid in full by discounts */
      paymentPlatform: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      shippedAt: string | null;
      carrier: string | null;
      trackingNo: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      completedAt: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      cancelledAt: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /** @description sum of succeeded refunds; the order is refunded when this equals payableFen */
      refundedFen: number;
    };
    OrderCounts: {
      all: number;
      awaitingPayment: number;
      paid: number;
      shipped: number;
      refund: number;
    };
    CancelOrderRequest: {
      reason?: string;
    };
    ShipOrderRequest: {
      carrier: string;
      trackingNo: string;
    };
    OrderSettings: {
      /** @description integer fen (1 yuan = 100 fen) */
      shippingFlatFeeFen: number;
      /** @description items total at or above this ships free; null: never free */
      freeShippingThresholdFen: number | null;
      paymentWindowMinutes: number;
    };
    OrderPayments: {
      items: components['schemas']['OrderPayment'][];
    };
    OrderPayment: {
      id: number;
      /** @enum {string} */
      platform: 'weapp' | 'alipay' | 'tt';
      outTradeNo: string;
      /** @description the platform’s id of the payment, once paid */
      transactionId: string | null;
      /** @description integer fen (1 yuan = 100 fen) */
      amountFen: number;
      /** @enum {string} */
      status: 'created' | 'paid' | 'closed';
      paidAt: string | null;
      createdAt: string;
    };
    ClaimCentre: {
      items: components['schemas']['ClaimableCoupon'][];
    };
    ClaimableCoupon: {
      id: number;
      name: string;
      description: string;
      /** @enum {string} */
      kind: 'threshold_off' | 'no_threshold_off' | 'percent_off' | 'free_shipping';
      /** @description integer fen (1 yuan = 100 fen) */
      amountFen: number | null;
      percentOffBp: number | null;
      /** @description integer fen (1 yuan = 100 fen) */
      capFen: number | null;
      /** @description integer fen (1 yuan = 100 fen) */
      thresholdFen: number;
      scope: components['schemas']['CouponScope'];
      minTierLevel: number;
      validity: components['schemas']['CouponValidity'];
      perMemberLimit: number;
      /** @description how many of it the member holds or held */
      claimedByMe: number;
      canClaim: boolean;
      soldOut: boolean;
    };
    CouponValidity:
      | {
          /** @enum {string} */
          type: 'fixed';
          /**
           * @description UTC instant, ISO 8601
           * @example 2026-11-22T08:00:00.000Z
           */
          from: string;
          /**
           * @description UTC instant, ISO 8601
           * @example 2026-11-22T08:00:00.000Z
           */
          until: string;
        }
      | {
          /** @enum {string} */
          type: 'relative';
          days: number;
          /**
           * @description valid from the next business day after the claim
           * @default false
           */
          startsNextDay: boolean;
        };
    ClaimCouponRequest: {
      templateId: number;
    };
    RedeemCouponCodeRequest: {
      /** @example K7QF-2XMA-9RTB-HW3C */
      code: string;
    };
    CouponPage: {
      items: components['schemas']['Coupon'][];
      page: number;
      pageSize: number;
      total: number;
    };
    CouponTemplatePage: {
      items: components['schemas']['CouponTemplate'][];
      page: number;
      pageSize: number;
      total: number;
    };
    CouponTemplate: {
      id: number;
      name: string;
      description: string;
      /** @enum {string} */
      kind: 'threshold_off' | 'no_threshold_off' | 'percent_off' | 'free_shipping';
      /** @description integer fen (1 yuan = 100 fen) */
      amountFen: number | null;
      percentOffBp: number | null;
      /** @description integer fen (1 yuan = 100 fen) */
      capFen: number | null;
      /** @description integer fen (1 yuan = 100 fen) */
      thresholdFen: number;
      scope: components['schemas']['CouponScope'];
      minTierLevel: number;
      stacking: components['schemas']['CouponStacking'];
      validity: components['schemas']['CouponValidity'];
      totalStock: number | null;
      perMemberLimit: number;
      public: boolean;
      /** @enum {string} */
      status: 'draft' | 'active' | 'paused' | 'ended';
      claimedCount: number;
      usedCount: number;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      updatedAt: string;
    };
    NewCouponTemplate: {
      name: string;
      description?: string;
      /** @enum {string} */
      kind: 'threshold_off' | 'no_threshold_off' | 'percent_off' | 'free_shipping';
      /** @description threshold_off and no_threshold_off: fen off */
      amountFen?: number | null;
      /** @description percent_off: basis points off (1500 = 15 % off, 八五折) */
      percentOffBp?: number | null;
      /** @description percent_off: at most this much off (at least 1 fen) */
      capFen?: number | null;
      /** @description the goods it covers must cost at least this much (0: no threshold) */
      thresholdFen?: number;
      scope?: components['schemas']['CouponScopeInput'];
      /** @description members below this tier level cannot use it (0: everyone) */
      minTierLevel?: number;
      stacking?: components['schemas']['CouponStackingInput'];
      validity: components['schemas']['CouponValidityInput'];
      /** @description how many may ever be issued; null: unlimited */
      totalStock?: number | null;
      perMemberLimit?: number;
      /** @description shown in the claim centre (otherwise issued only by staff, codes or gifts) */
      public?: boolean;
    };
    UpdateCouponTemplate: {
      name?: string;
      description?: string;
      totalStock?: number | null;
      perMemberLimit?: number;
      public?: boolean;
      validity?: components['schemas']['CouponValidityInput'];
    };
    CouponTemplateStats: {
      templateId: number;
      claimed: number;
      used: number;
      /** @description claimed, never used, now past validity */
      expired: number;
      /** @description what its used coupons took off */
      discountFen: number;
      /** @description what the orders that used them paid */
      salesFen: number;
    };
    CouponIssueJob: {
      id: number;
      templateId: number;
      /** @enum {string} */
      status: 'queued' | 'running' | 'done' | 'failed';
      audience: components['schemas']['CouponAudience'];
      matched: number;
      issued: number;
      skipped: number;
      /** @description already_issued, limit_reached, sold_out, template_not_active, member_not_found */
      skippedByReason: {
        [key: string]: number;
      };
      error: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      finishedAt: string | null;
    };
    CouponAudience: {
      memberIds?: number[];
      filter?: {
        /**
         * @description Calendar date in the merchant's time zone
         * @example 2026-11-22
         */
        joinedFrom?: string;
        /**
         * @description Calendar date in the merchant's time zone
         * @example 2026-11-22
         */
        joinedTo?: string;
        /** @enum {string} */
        platform?: 'weapp' | 'alipay' | 'tt';
        /** @description true: has a paid order; false: has none */
        hasOrdered?: boolean;
        minTierLevel?: number;
      };
    };
    CouponIssueJobList: {
      items: components['schemas']['CouponIssueJob'][];
    };
    CouponCodeBatch: {
      id: number;
      templateId: number;
      count: number;
      redeemed: number;
      note: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
    };
    NewCouponCodeBatch: {
      count: number;
      note?: string;
    };
    CouponCodeBatchList: {
      items: components['schemas']['CouponCodeBatch'][];
    };
    NewMemberPack: {
      templateIds: number[];
    };
    PointsMallItemPage: {
      items: components['schemas']['PointsMallItem'][];
      page: number;
      pageSize: number;
      total: number;
      /** @description the member’s available points */
      availablePoints: number;
    };
    PointsMallItem: {
      id: number;
      /** @enum {string} */
      kind: 'sku' | 'coupon' | 'virtual';
      title: string;
      imageUrl: string | null;
      description: string;
      pointsPrice: number;
      /** @description integer fen (1 yuan = 100 fen) */
      cashFen: number;
      stockLeft: number;
      perMemberLimit: number | null;
      perMemberDailyLimit: number | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      onSaleFrom: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      onSaleUntil: string | null;
      minTierLevel: number;
      /** @description units the member holds or held (cancelled and closed ones excluded) */
      redeemedByMe: number;
      /** @description of those, redeemed this business day */
      redeemedByMeToday: number;
      canRedeem: boolean;
      /**
       * @description why canRedeem is false (null when it is true)
       * @enum {string|null}
       */
      unavailableReason: 'NOT_ON_SALE' | 'TIER_TOO_LOW' | 'SOLD_OUT' | 'LIMIT_REACHED' | 'DAILY_LIMIT_REACHED' | 'NOT_ENOUGH_POINTS' | null;
      /** @description the most units the member can redeem at once now (0 when canRedeem is false) */
      maxQuantity: number;
    };
    PointsMallRedemption: {
      id: number;
      redemptionNo: string;
      itemId: number;
      item: components['schemas']['PointsMallItemSnapshot'];
      quantity: number;
      /** @description points taken (pointsPrice × quantity) */
      points: number;
      /** @description cash to pay (cashFen × quantity) */
      cashFen: number;
      /**
       * @description awaiting_payment: the cash part is unpaid (points and stock held); awaiting_fulfilment: paid, a sku item to ship; fulfilled: shipped, coupon issued or benefit delivered; cancelled: by staff (points, stock and any cash given back); closed: the payment window passed or the member withdrew before paying
       * @enum {string}
       */
      status: 'awaiting_payment' | 'awaiting_fulfilment' | 'fulfilled' | 'cancelled' | 'closed';
      /** @description the order that carries the cash part; pay it with POST /orders/{orderId}/pay */
      orderId: number | null;
      /**
       * @description an unpaid cash part is closed at this instant
       * @example 2026-11-22T08:00:00.000Z
       */
      paymentDeadline: string | null;
      address: components['schemas']['ShippingAddressSnapshot'] | null;
      carrier: string | null;
      trackingNo: string | null;
      /** @description coupon items: the coupons issued */
      couponIds: number[];
      /** @description virtual items: how to use the benefit (once fulfilled) */
      instructions: string | null;
      cancelReason: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      paidAt: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      fulfilledAt: string | null;
      /**
       * @description cancelled or closed at
       * @example 2026-11-22T08:00:00.000Z
       */
      cancelledAt: string | null;
    };
    PointsMallItemSnapshot: {
      /** @enum {string} */
      kind: 'sku' | 'coupon' | 'virtual';
      title: string;
      imageUrl: string | null;
      description: string;
      pointsPrice: number;
      /** @description integer fen (1 yuan = 100 fen) */
      cashFen: number;
      skuId: number | null;
      couponTemplateId: number | null;
    };
    RedeemPointsMallItemRequest: {
      itemId: number;
      quantity?: number;
      /** @description required for sku items: where to ship */
      addressId?: number;
    };
    PointsMallRedemptionPage: {
      items: components['schemas']['PointsMallRedemption'][];
      page: number;
      pageSize: number;
      total: number;
    };
    MerchantPointsMallItemPage: {
      items: components['schemas']['MerchantPointsMallItem'][];
      page: number;
      pageSize: number;
      total: number;
    };
    MerchantPointsMallItem: {
      id: number;
      /** @enum {string} */
      kind: 'sku' | 'coupon' | 'virtual';
      skuId: number | null;
      couponTemplateId: number | null;
      title: string;
      imageUrl: string | null;
      description: string;
      instructions: string;
      pointsPrice: number;
      /** @description integer fen (1 yuan = 100 fen) */
      cashFen: number;
      /** @description units ever offered (adjustments included) */
      totalStock: number;
      /** @description units not yet taken (redemptions awaiting payment hold theirs) */
      stockLeft: number;
      /** @description units taken by redemptions not cancelled or closed */
      redeemedCount: number;
      perMemberLimit: number | null;
      perMemberDailyLimit: number | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      onSaleFrom: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      onSaleUntil: string | null;
      minTierLevel: number;
      sortOrder: number;
      /**
       * @description on: listed for members (within its on-sale window)
       * @enum {string}
       */
      status: 'on' | 'off';
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      updatedAt: string;
    };
    NewPointsMallItem: {
      /** @enum {string} */
      kind: 'sku' | 'coupon' | 'virtual';
      /** @description kind sku: the catalog SKU shipped */
      skuId?: number | null;
      /** @description kind coupon: the template issued (one coupon per unit) */
      couponTemplateId?: number | null;
      title: string;
      imageUrl?: string | null;
      description?: string;
      /** @description virtual items: how to use the benefit, shown to the member once redeemed */
      instructions?: string;
      /** @description points per unit */
      pointsPrice: number;
      /** @description cash per unit in integer fen, paid with the points (0: points only) */
      cashFen?: number;
      /** @description units a member may redeem in all (null: no limit) */
      perMemberLimit?: number | null;
      /** @description units a member may redeem per business day, in the merchant’s time zone (null: no limit) */
      perMemberDailyLimit?: number | null;
      /**
       * Format: date-time
       * @description UTC instant; null: from now
       */
      onSaleFrom?: string | null;
      /**
       * Format: date-time
       * @description UTC instant; null: no end
       */
      onSaleUntil?: string | null;
      /** @description members below this tier level cannot redeem it (0: everyone) */
      minTierLevel?: number;
      /** @description larger comes first */
      sortOrder?: number;
      /** @description units offered in the mall (its own stock, apart from the catalog’s) */
      totalStock: number;
      /**
       * @description on: listed for members (within its on-sale window)
       * @enum {string}
       */
      status?: 'on' | 'off';
    };
    UpdatePointsMallItem: {
      title?: string;
      imageUrl?: string | null;
      description?: string;
      instructions?: string;
      /** @description points per unit */
      pointsPrice?: number;
      /** @description cash per unit in integer fen, paid with the points (0: points only) */
      cashFen?: number;
      perMemberLimit?: number | null;
      perMemberDailyLimit?: number | null;
      /** Format: date-time */
      onSaleFrom?: string | null;
      /** Format: date-time */
      onSaleUntil?: string | null;
      minTierLevel?: number;
      /** @description larger comes first */
      sortOrder?: number;
      /**
       * @description on: listed for members (within its on-sale window)
       * @enum {string}
       */
      status?: 'on' | 'off';
    };
    PointsMallItemStatusRequest: {
      /**
       * @description on: listed for members (within its on-sale window)
       * @enum {string}
       */
      status: 'on' | 'off';
    };
    PointsMallStockAdjustment: {
      delta: number;
      reason: string;
    };
    MerchantPointsMallRedemptionPage: {
      items: components['schemas']['MerchantPointsMallRedemption'][];
      page: number;
      pageSize: number;
      total: number;
    };
    MerchantPointsMallRedemption: {
      id: number;
      redemptionNo: string;
      itemId: number;
      item: components['schemas']['PointsMallItemSnapshot'];
      quantity: number;
      /** @description points taken (pointsPrice × quantity) */
      points: number;
      /** @description cash to pay (cashFen × quantity) */
      cashFen: number;
      /**
       * @description awaiting_payment: the cash part is unpaid (points and stock held); awaiting_fulfilment: paid, a sku item to ship; fulfilled: shipped, coupon issued or benefit delivered; cancelled: by staff (points, stock and any cash given back); closed: the payment window passed or the member withdrew before paying
       * @enum {string}
       */
      status: 'awaiting_payment' | 'awaiting_fulfilment' | 'fulfilled' | 'cancelled' | 'closed';
      /** @description the order that carries the cash part; pay it with POST /orders/{orderId}/pay */
      orderId: number | null;
      /**
       * @description an unpaid cash part is closed at this instant
       * @example 2026-11-22T08:00:00.000Z
       */
      paymentDeadline: string | null;
      address: components['schemas']['ShippingAddressSnapshot'] | null;
      carrier: string | null;
      trackingNo: string | null;
      /** @description coupon items: the coupons issued */
      couponIds: number[];
      /** @description virtual items: how to use the benefit (once fulfilled) */
      instructions: string | null;
      cancelReason: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      paidAt: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      fulfilledAt: string | null;
      /**
       * @description cancelled or closed at
       * @example 2026-11-22T08:00:00.000Z
       */
      cancelledAt: string | null;
      memberId: number;
    };
    FulfilPointsMallRedemptionRequest: {
      carrier: string;
      trackingNo: string;
    };
    CancelPointsMallRedemptionRequest: {
      reason: string;
    };
    PayOrderResponse: {
      orderId: number;
      /** @description also the platform trade number (out_trade_no) */
      orderNo: string;
      /** @description what the platform is asked for: the payable less any part paid from the balance */
      payableFen: number;
      payment: components['schemas']['ClientPayment'];
    };
    ClientPayment:
      | {
          /** @enum {string} */
          platform: 'weapp';
          params: components['schemas']['WeappPaymentParams'];
        }
      | {
          /** @enum {string} */
          platform: 'alipay';
          params: components['schemas']['AlipayPaymentParams'];
        }
      | {
          /** @enum {string} */
          platform: 'tt';
          params: components['schemas']['TtPaymentParams'];
        };
    WeappPaymentParams: {
      /** @description seconds since the epoch, as a string */
      timeStamp: string;
      nonceStr: string;
      /** @example prepay_id=wx201410272009395522657a690389285100 */
      package: string;
      /** @enum {string} */
      signType: 'RSA';
      paySign: string;
    };
    AlipayPaymentParams: {
      tradeNO: string;
    };
    TtPaymentParams: {
      data: string;
      byteAuthorization: string;
    };
    PayOrderRequest: Record<string, never>;
    PaymentStatusRequest: Record<string, never>;
    CreateRefundRequest: {
      reason: string;
      /** @description omit: everything not yet refunded or under an open refund (with the shipping fee) */
      lines?: components['schemas']['RefundLineRequest'][];
    };
    RefundLineRequest: {
      orderLineId: number;
      quantity: number;
    };
    RefundPreview: {
      /** @description integer fen (1 yuan = 100 fen) */
      amountFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      pointsDeductionFen: number;
      /** @description what would go back to the payer */
      payoutFen: number;
      includesShipping: boolean;
      lines: components['schemas']['RefundLine'][];
    };
    RefundPreviewRequest: {
      /** @description omit: everything not yet refunded or under an open refund (with the shipping fee) */
      lines?: components['schemas']['RefundLineRequest'][];
    };
    RefundList: {
      items: components['schemas']['Refund'][];
    };
    MerchantRefundPage: {
      items: components['schemas']['MerchantRefund'][];
      page: number;
      pageSize: number;
      total: number;
    };
    MerchantRefund: {
      id: number;
      /** @description our refund number, sent to the platform (out_refund_no) */
      refundNo: string;
      orderId: number;
      /** @enum {string} */
      status: 'requested' | 'rejected' | 'processing' | 'succeeded' | 'failed';
      /** @description the lines, plus the shipping fee when this refund covers the whole order */
      amountFen: number;
      /** @description kept back for points this order earned that were already spent (the merchant’s rule) */
      pointsDeductionFen: number;
      /** @description what goes back to the payer: amountFen − pointsDeductionFen */
      payoutFen: number;
      reason: string;
      lines: components['schemas']['RefundLine'][];
      rejectReason: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /**
       * @description when staff approved or rejected it
       * @example 2026-11-22T08:00:00.000Z
       */
      decidedAt: string | null;
      /**
       * @description when the platform confirmed the money went back (or the refund failed)
       * @example 2026-11-22T08:00:00.000Z
       */
      completedAt: string | null;
      orderNo: string;
    };
    ApproveRefundRequest: Record<string, never>;
    RejectRefundRequest: {
      reason: string;
    };
    DistributionSummary: {
      /** @enum {string} */
      status: 'none' | 'pending' | 'active' | 'frozen' | 'refused';
      qualification: {
        /** @enum {string} */
        mode: 'apply' | 'tier' | 'task' | 'card';
        minTierLevel: number;
        checkIns: number;
        paidOrder: boolean;
      };
      /** @description commission of orders still inside their refund window */
      frozenFen: number;
      /** @description settled and withdrawable */
      balanceFen: number;
      /** @description reversed after it was withdrawn; repaid by the next settlements */
      debtFen: number;
      /** @description paid out or on its way */
      withdrawnFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      settledTotalFen: number;
    };
    CommissionPage: {
      items: components['schemas']['CommissionItem'][];
      nextCursor: number | null;
    };
    CommissionItem: {
      id: number;
      orderId: number;
      level: number;
      /** @enum {string} */
      status: 'frozen' | 'settled' | 'cancelled';
      /** @description integer fen (1 yuan = 100 fen) */
      amountFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      initialFen: number;
      /** @description the buyer’s nickname, masked */
      buyer: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      settleAfter: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
    };
    DistributionTeam: {
      direct: {
        count: number;
        members: {
          name: string;
          /**
           * @description UTC instant, ISO 8601
           * @example 2026-11-22T08:00:00.000Z
           */
          boundAt: string;
        }[];
      };
      second: {
        count: number;
        members: {
          name: string;
          /**
           * @description UTC instant, ISO 8601
           * @example 2026-11-22T08:00:00.000Z
           */
          boundAt: string;
        }[];
      };
      byStatus: {
        /** @enum {string} */
        status: 'frozen' | 'settled' | 'cancelled';
        orders: number;
        /** @description integer fen (1 yuan = 100 fen) */
        amountFen: number;
      }[];
    };
    WithdrawalPage: {
      items: components['schemas']['Withdrawal'][];
      nextCursor: number | null;
    };
    Withdrawal: {
      id: number;
      /** @description integer fen (1 yuan = 100 fen) */
      amountFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      feeFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      netFen: number;
      /** @enum {string} */
      platform: 'weapp' | 'alipay' | 'tt';
      /** @enum {string} */
      status: 'requested' | 'refused' | 'paying' | 'awaiting_confirmation' | 'paid' | 'failed';
      billNo: string;
      /** @description WeChat: pass to wx.requestMerchantTransfer for the member to confirm */
      packageInfo: string | null;
      failReason: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      updatedAt: string;
    };
    WithdrawalRequest: {
      /** @description integer fen (1 yuan = 100 fen) */
      amountFen: number;
      /**
       * @description where the money goes: WeChat balance, Alipay account, or by hand (Douyin)
       * @enum {string}
       */
      platform: 'weapp' | 'alipay' | 'tt';
    };
    MyGuide: {
      guide: {
        name: string;
        storeName: string;
      } | null;
    };
    ProductEarning: {
      /** @description level-1 commission on one unit at its price; null when not a distributor */
      earnFen: number | null;
    };
    DistributionSettings: {
      enabled: boolean;
      qualification: {
        /**
         * @description apply: apply and be approved; tier: reach minTierLevel; task: checkIns check-ins or one paid order; card: a paid membership card
         * @enum {string}
         */
        mode: 'apply' | 'tier' | 'task' | 'card';
        minTierLevel: number;
        task: {
          checkIns: number;
          paidOrder: boolean;
        };
      };
      binding: {
        /**
         * @description first: the first distributor keeps the customer; last: the latest share wins
         * @enum {string}
         */
        touch: 'first' | 'last';
        /** @description how long a binding lasts; null: for good */
        days: number | null;
      };
      levels: 1 | 2;
      /** @description a distributor earns commission on their own orders */
      selfPurchase: boolean;
      /** @description the refund window after completion; commission settles after it */
      settleAfterDays: number;
      withdrawal: {
        /** @description integer fen (1 yuan = 100 fen) */
        minFen: number;
        feeBp: number;
        /** @description integer fen (1 yuan = 100 fen) */
        dailyCapFen: number;
      };
    };
    CommissionRuleList: {
      items: components['schemas']['CommissionRule'][];
    };
    CommissionRule: {
      /** @enum {string} */
      scope: 'store' | 'category' | 'product';
      /** @description 0 for the store */
      targetId: number;
      /** @description basis points (1000 = 10%), at most 5000 */
      level1Bp: number;
      /** @description basis points (1000 = 10%), at most 5000 */
      level2Bp: number;
    };
    DistributorPage: {
      items: components['schemas']['Distributor'][];
      nextCursor: number | null;
    };
    Distributor: {
      id: number;
      memberId: number;
      nickname: string;
      /** @enum {string} */
      status: 'pending' | 'active' | 'frozen' | 'refused';
      /** @enum {string} */
      qualifiedBy: 'apply' | 'tier' | 'task' | 'card' | 'staff';
      /** @description integer fen (1 yuan = 100 fen) */
      balanceFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      debtFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      frozenFen: number;
      customers: number;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
    };
    DistributorStatusChange: {
      /** @enum {string} */
      status: 'active' | 'frozen' | 'refused';
    };
    CommissionLedgerPage: {
      entries: components['schemas']['CommissionLedgerEntry'][];
      nextCursor: number | null;
    };
    CommissionLedgerEntry: {
      id: number;
      distributorId: number;
      deltaFen: number;
      /** @enum {string} */
      kind: 'settle' | 'reverse' | 'withdraw' | 'withdraw_return' | 'adjust';
      sourceKey: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
    };
    MerchantWithdrawalPage: {
      items: components['schemas']['MerchantWithdrawal'][];
      nextCursor: number | null;
    };
    MerchantWithdrawal: {
      id: number;
      /** @description integer fen (1 yuan = 100 fen) */
      amountFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      feeFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      netFen: number;
      /** @enum {string} */
      platform: 'weapp' | 'alipay' | 'tt';
      /** @enum {string} */
      status: 'requested' | 'refused' | 'paying' | 'awaiting_confirmation' | 'paid' | 'failed';
      billNo: string;
      /** @description WeChat: pass to wx.requestMerchantTransfer for the member to confirm */
      packageInfo: string | null;
      failReason: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      updatedAt: string;
      distributorId: number;
      memberId: number;
    };
    WithdrawalDecision: {
      /** @enum {string} */
      decision: 'approve' | 'refuse';
      reason?: string;
    };
    ManualPayout: {
      /** @description the transfer’s reference in the merchant’s own records */
      reference: string;
    };
    Store: {
      id: number;
      name: string;
      address: string | null;
    };
    StoreInput: {
      name: string;
      address?: string | null;
    };
    Guide: {
      id: number;
      staffId: number;
      storeId: number;
      /** @enum {string} */
      status: 'active' | 'disabled';
    };
    GuideInput: {
      staffId: number;
      storeId: number;
    };
    DistributionPerformance: {
      guides: {
        guideId: number;
        staffId: number;
        storeId: number;
        storeName: string;
        newMembers: number;
        orders: number;
        paidFen: number;
        refundedFen: number;
        commissionFen: number;
      }[];
      stores: {
        storeId: number;
        storeName: string;
        newMembers: number;
        orders: number;
        paidFen: number;
        refundedFen: number;
        commissionFen: number;
      }[];
    };
    GuideCustomers: {
      guideId: number;
      items: {
        id: number;
        name: string;
        /**
         * @description UTC instant, ISO 8601
         * @example 2026-11-22T08:00:00.000Z
         */
        boundAt: string;
        /**
         * @description UTC instant, ISO 8601
         * @example 2026-11-22T08:00:00.000Z
         */
        expiresAt: string | null;
      }[];
      nextCursor: number | null;
    };
    PaymentExceptionPage: {
      items: components['schemas']['PaymentException'][];
      page: number;
      pageSize: number;
      total: number;
    };
    PaymentException: {
      id: number;
      orderId: number;
      orderNo: string;
      /** @enum {string} */
      kind: 'payment_received_after_close' | 'duplicate_payment';
      /** @enum {string} */
      platform: 'weapp' | 'alipay' | 'tt';
      /** @description the platform’s id of the payment */
      transactionId: string;
      /** @description what was paid; refunded in full */
      amountFen: number;
      /**
       * @description refund_pending: queued (after a failure, not before nextAttemptAt); refunding: a worker is asking the platform; refund_processing: the platform took it, awaiting its notification; refunded: done; refund_failed: given up after repeated failures, for a human (retry)
       * @enum {string}
       */
      state: 'refund_pending' | 'refunding' | 'refund_processing' | 'refunded' | 'refund_failed';
      /** @description our refund number on the platform (out_refund_no); fixed once the first attempt starts */
      refundNo: string | null;
      /** @description platform calls so far */
      attempts: number;
      /** @description failed calls since the last retry by staff; at the limit it becomes refund_failed */
      failures: number;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      nextAttemptAt: string | null;
      lastError: string | null;
      platformRefundId: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      refundedAt: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      updatedAt: string;
    };
    Wallet: {
      /** @description integer fen (1 yuan = 100 fen) */
      principalFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      bonusFen: number;
      /** @description principalFen + bonusFen */
      balanceFen: number;
      /**
       * @description how a payment spends bonus: proportional (in the ratio of the two parts) or last (principal first)
       * @enum {string}
       */
      bonusRule: 'proportional' | 'last';
      /** @description the packages on sale, larger sort first */
      packages: components['schemas']['WalletPackage'][];
      customTopUp: {
        enabled: boolean;
        /** @description integer fen (1 yuan = 100 fen) */
        minFen: number;
        /** @description integer fen (1 yuan = 100 fen) */
        maxFen: number;
      };
    };
    WalletPackage: {
      id: number;
      title: string;
      /** @description integer fen (1 yuan = 100 fen) */
      amountFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      bonusFen: number;
      bonusPoints: number;
      /** @enum {string} */
      status: 'on' | 'off';
      sort: number;
    };
    WalletLedgerPage: {
      items: components['schemas']['WalletLedgerEntry'][];
      page: number;
      pageSize: number;
      total: number;
    };
    WalletLedgerEntry: {
      id: number;
      /** @enum {string} */
      kind: 'top_up' | 'top_up_refund' | 'spend' | 'spend_return' | 'refund' | 'adjustment' | 'merge' | 'gift_card' | 'gift_card_return';
      principalDeltaFen: number;
      bonusDeltaFen: number;
      orderId: number | null;
      note: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
    };
    TopUp: {
      id: number;
      topUpNo: string;
      /** @description integer fen (1 yuan = 100 fen) */
      amountFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      bonusFen: number;
      bonusPoints: number;
      /** @enum {string} */
      status: 'awaiting_payment' | 'credited' | 'closed' | 'refunded';
      orderId: number;
      /** @description pay it with POST /api/v1/orders/{orderId}/pay */
      orderNo: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      creditedAt: string | null;
    };
    CreateTopUpRequest: {
      /** @description a package on sale; or send amountFen */
      packageId?: number;
      /** @description a custom amount within the shop’s limits (no bonus) */
      amountFen?: number;
    };
    WalletSettings: {
      /**
       * @description how a payment spends bonus: proportional (in the ratio of the two parts) or last (principal first)
       * @enum {string}
       */
      bonusRule: 'proportional' | 'last';
      /** @description members may top up an amount of their own */
      customTopUp: boolean;
      /** @description integer fen */
      customMinFen: number;
      /** @description integer fen */
      customMaxFen: number;
      /**
       * @description unclaimed gift cards return to the buyer after this
       * @default 7
       */
      giftCardClaimDays: number;
      /**
       * @description a gift card kept as a card must be used within this
       * @default 365
       */
      giftCardValidDays: number;
    };
    WalletPackageInput: {
      title: string;
      /** @description what the member pays */
      amountFen: number;
      /** @description bonus added with it (充 500 送 50) */
      bonusFen?: number;
      bonusPoints?: number;
      /** @enum {string} */
      status?: 'on' | 'off';
      /** @description larger comes first */
      sort?: number;
    };
    MerchantWallet: {
      memberId: number;
      /** @description integer fen (1 yuan = 100 fen) */
      principalFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      bonusFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      balanceFen: number;
      /** @description the latest 50 entries */
      ledger: {
        id: number;
        /** @enum {string} */
        kind: 'top_up' | 'top_up_refund' | 'spend' | 'spend_return' | 'refund' | 'adjustment' | 'merge' | 'gift_card' | 'gift_card_return';
        principalDeltaFen: number;
        bonusDeltaFen: number;
        orderId: number | null;
        note: string | null;
        /**
         * @description UTC instant, ISO 8601
         * @example 2026-11-22T08:00:00.000Z
         */
        createdAt: string;
        staffId: number | null;
      }[];
    };
    WalletAdjustmentRequest: {
      principalDeltaFen?: number;
      bonusDeltaFen?: number;
      reason: string;
    };
    WalletLiability: {
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      at: string;
      principalFen: number;
      bonusFen: number;
      totalFen: number;
      /** @description members with a balance above zero */
      members: number;
    };
    GiftCardDesign: {
      id: number;
      title: string;
      imageUrl: string | null;
      /** @enum {string} */
      status: 'on' | 'off';
    };
    GiftCard: {
      id: number;
      cardNo: string;
      /** @enum {string} */
      role: 'bought' | 'received';
      design: components['schemas']['GiftCardDesign'];
      /** @description integer fen (1 yuan = 100 fen) */
      faceFen: number;
      message: string;
      /** @enum {string} */
      status: 'awaiting_payment' | 'sent' | 'claimed' | 'returned' | 'closed' | 'refunded';
      /** @description bought: pay it with POST /api/v1/orders/{orderId}/pay */
      orderId: number | null;
      orderNo: string | null;
      /** @description bought: what the share link carries; null for the receiver */
      claimToken: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      claimBy: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      claimedAt: string | null;
      /** @enum {string|null} */
      keptAs: 'balance' | 'card' | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      cardExpiresAt: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      redeemedAt: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
    };
    BuyGiftCardRequest: {
      designId: number;
      /** @description face value in fen: ¥1 to ¥5,000 */
      faceFen: number;
      message?: string;
    };
    GiftCardList: {
      items: components['schemas']['GiftCard'][];
    };
    GiftCardClaimView: {
      design: components['schemas']['GiftCardDesign'];
      /** @description integer fen (1 yuan = 100 fen) */
      faceFen: number;
      message: string;
      /** @enum {string} */
      status: 'awaiting_payment' | 'sent' | 'claimed' | 'returned' | 'closed' | 'refunded';
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      claimBy: string | null;
      /** @description I bought it (I cannot claim it myself) */
      mine: boolean;
    };
    ClaimGiftCardRequest: {
      /**
       * @description add it to my balance now, or keep it as a card until its expiry
       * @enum {string}
       */
      keepAs?: 'balance' | 'card';
    };
    GiftCardDesignInput: {
      title: string;
      imageUrl?: string | null;
      /** @enum {string} */
      status?: 'on' | 'off';
    };
    MerchantGiftCardPage: {
      items: components['schemas']['MerchantGiftCard'][];
      page: number;
      pageSize: number;
      total: number;
    };
    MerchantGiftCard: {
      id: number;
      cardNo: string;
      designTitle: string;
      /** @description integer fen (1 yuan = 100 fen) */
      faceFen: number;
      /** @enum {string} */
      status: 'awaiting_payment' | 'sent' | 'claimed' | 'returned' | 'closed' | 'refunded';
      buyerId: number;
      claimedBy: number | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      claimedAt: string | null;
    };
    MemberCode: {
      /** @description 18 digits, shown as a barcode / QR code and as text */
      code: string;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      expiresAt: string;
      /** @description ask for a new code after this */
      refreshSeconds: number;
    };
    CounterMember: {
      memberId: number;
      nickname: string;
      /** @description integer fen (1 yuan = 100 fen) */
      principalFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      bonusFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      balanceFen: number;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      codeExpiresAt: string;
    };
    CounterIdentifyRequest: {
      code: string;
      /** @description the store (门店) where staff act */
      store: string;
    };
    CounterPurchase: {
      orderId: number;
      orderNo: string;
      memberId: number;
      /** @description integer fen (1 yuan = 100 fen) */
      amountFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      balanceFen: number;
      /** @description paid at the till */
      tillFen: number;
      /** @description the balance left */
      principalFen: number;
      /** @description integer fen (1 yuan = 100 fen) */
      bonusFen: number;
    };
    CounterPurchaseRequest: {
      code: string;
      /** @description the store (门店) where staff act */
      store: string;
      /** @description what the purchase came to */
      amountFen: number;
      /** @description of it, paid from the balance; the rest at the till */
      balanceFen?: number;
      note?: string;
    };
    CounterActionPage: {
      items: components['schemas']['CounterAction'][];
      page: number;
      pageSize: number;
      total: number;
    };
    CounterAction: {
      id: number;
      memberId: number;
      staffId: number;
      store: string;
      /** @enum {string} */
      action: 'identify' | 'purchase' | 'balance_payment';
      /** @description integer fen (1 yuan = 100 fen) */
      amountFen: number | null;
      orderId: number | null;
      note: string | null;
      /**
       * @description UTC instant, ISO 8601
       * @example 2026-11-22T08:00:00.000Z
       */
      createdAt: string;
    };
    WalletSettingsInput: {
      /**
       * @description how a payment spends bonus: proportional (in the ratio of the two parts) or last (principal first)
       * @enum {string}
       */
      bonusRule: 'proportional' | 'last';
      /** @description members may top up an amount of their own */
      customTopUp: boolean;
      /** @description integer fen */
      customMinFen: number;
      /** @description integer fen */
      customMaxFen: number;
      /** @description unclaimed gift cards return to the buyer after this */
      giftCardClaimDays?: number;
      /** @description a gift card kept as a card must be used within this */
      giftCardValidDays?: number;
    };
    CouponValidityInput:
      | {
          /** @enum {string} */
          type: 'fixed';
          /**
           * @description UTC instant, ISO 8601
           * @example 2026-11-22T08:00:00.000Z
           */
          from: string;
          /**
           * @description UTC instant, ISO 8601
           * @example 2026-11-22T08:00:00.000Z
           */
          until: string;
        }
      | {
          /** @enum {string} */
          type: 'relative';
          days: number;
          /** @description valid from the next business day after the claim */
          startsNextDay?: boolean;
        };
    CouponStackingInput: {
      /** @description kinds of other coupons it combines with (both must allow it) */
      withCouponKinds?: ('threshold_off' | 'no_threshold_off' | 'percent_off' | 'free_shipping')[];
      withTierDiscount?: boolean;
      withPoints?: boolean;
    };
    CouponScopeInput: {
      /** @enum {string} */
      type: 'all' | 'categories' | 'products';
      /** @description the categories or products it covers (a top-level category covers its subcategories) */
      ids?: number[];
      excludeProductIds?: number[];
    };
    StorefrontSettingsInput: {
      /** @description shoppers see a product’s sales count only from this many sales on (0: always) */
      salesCountThreshold: number;
      /** @description the home page’s notice bar; empty: none */
      notice: string;
      banners: components['schemas']['BannerInput'][];
      /** @description suggested on the search page, in this order */
      hotWords: string[];
    };
    BannerInput: {
      imageUrl: string;
      /** @description read aloud by screen readers; not drawn */
      title?: string;
      link?:
        | {
            /** @enum {string} */
            type: 'product';
            productId: number;
          }
        | {
            /** @enum {string} */
            type: 'category';
            categoryId: number;
          }
        | {
            /** @enum {string} */
            type: 'page';
            /** @enum {string} */
            page: 'check-in' | 'coupon-centre' | 'search' | 'category' | 'member';
          }
        | null;
    };
    CheckInRulesInput: {
      /**
       * @description points for streak day 1, 2, 3, …
       * @example [
       *       5,
       *       5,
       *       10,
       *       10,
       *       15,
       *       15,
       *       30
       *     ]
       */
      rewards: number[];
      /**
       * @description past the last day: restart at day 1, or hold the last reward
       * @enum {string}
       */
      afterCycle: 'restart' | 'hold';
      /**
       * @description streak: rewards follow the unbroken streak (no cycle); week: Monday to Sunday; month: the calendar month (both in the merchant’s time zone). In a cycle the daily reward follows the streak within the cycle.
       * @enum {string}
       */
      cycle?: 'streak' | 'week' | 'month';
      /** @description bonuses on the Nth check-in of a cycle, each paid once per cycle (week or month only) */
      cumulativeRewards?: components['schemas']['CheckInMilestoneInput'][];
      /** @description make-up check-in (补签) of a missed day of the current cycle */
      makeUp?: {
        enabled: boolean;
        /** @description points a make-up costs (0 = free) */
        costPoints: number;
        /** @description make-ups a member may use in one cycle */
        maxPerCycle: number;
        /** @description whether a made-up day pays its daily reward (and its growth) */
        payReward: boolean;
      };
    };
    CheckInMilestoneInput: {
      /** @description paid on the member’s Nth check-in of the cycle */
      count: number;
      points: number;
      growth?: number;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
