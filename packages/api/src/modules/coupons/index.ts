export { createCouponsService, NEW_MEMBER_PACK, type CouponsService, type IssueOutcome } from './coupons.service.js';
export { createCouponIssueJobs, type CouponIssueJobs } from './coupon-issue-jobs.js';
export { couponRoutes, merchantCouponRoutes } from './coupons.routes.js';
export { startCouponIssueJob } from './coupon-issue.job.js';
export { createCouponsMemberData } from './coupons.member-data.js';
