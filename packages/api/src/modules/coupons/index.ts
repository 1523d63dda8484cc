export { createCouponsService, type CouponsService } from './coupons.service.js';
export { NEW_MEMBER_PACK, type IssueOutcome } from './coupon-issuing.js';
export { createCouponIssueJobs, type CouponIssueJobs } from './coupon-issue-jobs.js';
export { couponRoutes, merchantCouponRoutes } from './coupons.routes.js';
export { startCouponIssueJob } from './coupon-issue.job.js';
export { createCouponsMemberData } from './coupons.member-data.js';
export { couponsExpiringBetween } from './coupons-reach.js';
