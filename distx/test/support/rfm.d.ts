/**
 * 60 customers, monthly from 2022-01 for 30 months. Churn within 90 days follows recency (days
 * since the last purchase) and frequency; nobody churns in the first year (annual contracts) and
 * nobody in the quarter 2023-07..09; the last three months are censored.
 */
export declare function rfmCsv(): string;
