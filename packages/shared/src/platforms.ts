/** The super-apps a member can log in from. `h5` is a build target, never a login platform. */
export const LOGIN_PLATFORMS = ['weapp', 'alipay', 'tt'] as const;
export type LoginPlatform = (typeof LOGIN_PLATFORMS)[number];

export const BUILD_TARGETS = ['weapp', 'alipay', 'tt', 'h5'] as const;
export type BuildTarget = (typeof BUILD_TARGETS)[number];
