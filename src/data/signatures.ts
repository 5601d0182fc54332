import type { TableName } from './contract.js';
import type { ColumnSource, Condition, CsvOptions } from './config.js';

/**
 * What the common tools' exports look like, by the column names of their documented export
 * formats and APIs (test/fixtures/exports/README.md lists the sources), and how each maps onto
 * the contract. `churnkit init` recognises a file by the columns it has (any case) and drafts its
 * mapping from here; what the signature cannot know (a time zone, a renewal term, contact roles)
 * goes into the draft's notes.
 *
 * Column names below are the tool's; lookups named here are defined by the bridge signatures
 * (`provides`) when their file is in the folder, and dropped (with a note) when it is not.
 */
export interface Signature {
  tool: string;
  object: string;
  /** The contract table it feeds, or 'bridge' for a file that only links ids (a lookup). */
  table: TableName | 'bridge';
  /** When two files feed one table, the higher wins (a CSM platform over CRM tasks); default 0. */
  priority?: number;
  /** Columns that must all be present (any case; a dotted name is a key inside a JSON column). */
  requires: readonly string[];
  /** At least one of each group must be present. */
  anyOf?: readonly (readonly string[])[];
  /** Columns whose presence rules the signature out. */
  forbids?: readonly string[];
  columns?: Partial<Record<string, ColumnSource>>;
  values?: Partial<Record<string, Record<string, string>>>;
  where?: Condition;
  csv?: CsvOptions;
  /** A lookup this file provides: its name, key and value columns (and the column ordering repeats). */
  provides?: { name: string; key: string; value: string; latest_by?: string };
  /** Columns that identify the records of a bridge or an accounts file, for linking ids by value. */
  ids?: readonly string[];
  /** The account name column of an accounts file, for linking other tools by name. */
  name?: string;
  notes?: readonly string[];
}

const RENEWAL = 'ends_at is the close date plus 365 days (annual terms); change add_days if yours differ';
const ROLES =
  'contacts.role: this export has no contact role, so every contact reads as "other" and the champion features stay NULL; map a role column (e.g. from Contact Roles) when you have one';
const SF_START =
  'accounts.started_at is the record creation date (CreatedDate); map your "customer since" field if you have one';

/** Gainsight's activity types as interaction kinds: the same in its API and in a report export. */
const GAINSIGHT_KINDS = { Call: 'csm_call', Meeting: 'csm_meeting', Email: 'csm_email' };

export const SIGNATURES: readonly Signature[] = [
  // ---- CRMs
  {
    tool: 'Salesforce',
    object: 'Account',
    table: 'accounts',
    requires: ['Id', 'Name', 'CreatedDate'],
    forbids: ['AccountId', 'StageName', 'WhoId', 'Email'],
    columns: { account_id: 'Id', name: 'Name', started_at: 'CreatedDate' },
    ids: ['Id'],
    name: 'Name',
    notes: [SF_START, 'accounts.churned_at: Salesforce has no standard churn date; map yours to label churn'],
  },
  {
    tool: 'Salesforce',
    object: 'Opportunity',
    table: 'contracts',
    requires: ['Id', 'AccountId', 'StageName', 'CloseDate', 'Amount'],
    columns: {
      account_id: 'AccountId',
      contract_id: 'Id',
      starts_at: 'CloseDate',
      ends_at: { column: 'CloseDate', add_days: 365 },
      annual_value: 'Amount',
    },
    where: { column: 'StageName', equals: 'Closed Won' },
    notes: [`contracts: Closed Won opportunities; ${RENEWAL}`],
  },
  {
    tool: 'Salesforce',
    object: 'Contact',
    table: 'contacts',
    requires: ['Id', 'AccountId', 'LastName', 'Email'],
    columns: { account_id: 'AccountId', contact_id: 'Id', role: { value: 'other' }, started_at: 'CreatedDate' },
    notes: [ROLES],
  },
  {
    tool: 'Salesforce',
    object: 'Task',
    table: 'interactions',
    requires: ['Id', 'ActivityDate', 'Subject', 'Status'],
    anyOf: [['AccountId', 'WhatId']],
    columns: { account_id: 'AccountId', occurred_at: 'ActivityDate', contact_id: 'WhoId', kind: 'Type' },
    values: { kind: { Call: 'csm_call', Meeting: 'csm_meeting', Email: 'csm_email', Other: 'other' } },
    where: { column: 'Status', equals: 'Completed' },
    notes: ['interactions: completed tasks; Type Call/Meeting/Email are CSM touches'],
  },
  {
    tool: 'HubSpot',
    object: 'companies',
    table: 'accounts',
    requires: ['hs_object_id', 'name', 'createdate'],
    forbids: ['dealname', 'email'],
    columns: { account_id: 'hs_object_id', name: 'name', started_at: 'createdate' },
    ids: ['hs_object_id'],
    name: 'name',
    notes: ['accounts.started_at is the company record creation date (createdate)'],
  },
  {
    tool: 'HubSpot',
    object: 'deals',
    table: 'contracts',
    requires: ['hs_object_id', 'dealname', 'dealstage', 'closedate', 'amount'],
    columns: {
      account_id: { lookup: 'hubspot_deal_companies', from: 'hs_object_id' },
      contract_id: 'hs_object_id',
      starts_at: 'closedate',
      ends_at: { column: 'closedate', add_days: 365 },
      annual_value: 'amount',
    },
    where: { column: 'dealstage', equals: 'closedwon' },
    notes: [`contracts: deals in stage closedwon; ${RENEWAL}`],
  },
  {
    tool: 'HubSpot',
    object: 'deal-to-company associations',
    table: 'bridge',
    requires: ['deal_id', 'company_id'],
    provides: { name: 'hubspot_deal_companies', key: 'deal_id', value: 'company_id' },
  },
  {
    tool: 'HubSpot',
    object: 'contacts',
    table: 'contacts',
    requires: ['hs_object_id', 'email', 'associatedcompanyid'],
    columns: {
      account_id: 'associatedcompanyid',
      contact_id: 'hs_object_id',
      role: { value: 'other' },
      started_at: 'createdate',
    },
    notes: [ROLES],
  },
  // ---- product analytics
  {
    tool: 'Segment',
    object: 'track calls',
    table: 'usage',
    requires: ['type', 'event', 'timestamp'],
    anyOf: [['userId', 'anonymousId']],
    columns: {
      account_id: { coalesce: ['context.groupId', { lookup: 'segment_groups', from: 'userId' }] },
      occurred_at: 'timestamp',
      user_id: 'userId',
      event: 'event',
    },
    notes: ['usage.account_id: context.groupId, else the latest group call of the userId'],
  },
  {
    tool: 'Segment',
    object: 'group calls',
    table: 'bridge',
    requires: ['type', 'groupId', 'userId'],
    forbids: ['event'],
    provides: { name: 'segment_groups', key: 'userId', value: 'groupId', latest_by: 'timestamp' },
  },
  {
    tool: 'Mixpanel',
    object: 'raw event export',
    table: 'usage',
    requires: ['event', 'properties', 'properties.time', 'properties.distinct_id'],
    columns: {
      occurred_at: { column: 'properties.time', epoch: 'seconds' },
      user_id: 'properties.distinct_id',
      event: 'event',
    },
  },
  {
    tool: 'Amplitude',
    object: 'export API events',
    table: 'usage',
    requires: ['event_type', 'event_time'],
    anyOf: [['user_id', 'device_id']],
    columns: { occurred_at: 'event_time', user_id: 'user_id', event: 'event_type' },
    notes: ['usage.occurred_at: Amplitude writes event_time in UTC'],
  },
  {
    tool: 'ChurnZero',
    object: 'events',
    table: 'usage',
    requires: ['accountExternalId', 'eventName', 'eventDate'],
    columns: {
      account_id: 'accountExternalId',
      occurred_at: 'eventDate',
      user_id: 'contactExternalId',
      event: 'eventName',
      quantity: 'quantity',
    },
  },
  // ---- support
  {
    tool: 'Zendesk',
    object: 'tickets',
    table: 'tickets',
    requires: ['id', 'created_at', 'priority', 'status', 'organization_id'],
    columns: {
      account_id: 'organization_id',
      ticket_id: 'id',
      opened_at: 'created_at',
      closed_at: { column: 'updated_at', if: { column: 'status', in: ['solved', 'closed'] } },
      severity: 'priority',
      escalated: { when: { column: 'tags', contains: 'escalat' } },
    },
    values: { severity: { normal: 'medium' } },
    notes: [
      'tickets.closed_at: updated_at of solved and closed tickets (the tickets export has no solve time; map ticket_metrics solved_at if you have it)',
      'tickets.escalated: tickets tagged escalated',
    ],
  },
  {
    tool: 'Zendesk',
    object: 'organizations',
    table: 'bridge',
    requires: ['id', 'name', 'external_id'],
    ids: ['id'],
  },
  {
    tool: 'Intercom',
    object: 'conversations',
    table: 'tickets',
    requires: ['id', 'created_at', 'state', 'priority'],
    forbids: ['organization_id'],
    columns: {
      account_id: 'company_id',
      ticket_id: 'id',
      opened_at: 'created_at',
      closed_at: { column: 'updated_at', if: { column: 'state', equals: 'closed' } },
      severity: 'priority',
    },
    values: { severity: { priority: 'high', not_priority: 'low' } },
    notes: ['tickets.severity: Intercom marks conversations priority or not_priority (high or low)'],
  },
  {
    tool: 'Freshdesk',
    object: 'tickets',
    table: 'tickets',
    requires: ['id', 'subject', 'status', 'priority', 'requester_id', 'source'],
    columns: {
      account_id: 'company_id',
      ticket_id: 'id',
      opened_at: 'created_at',
      closed_at: { column: 'updated_at', if: { column: 'status', in: ['4', '5'] } },
      severity: 'priority',
    },
    values: { severity: { '1': 'low', '2': 'medium', '3': 'high', '4': 'urgent' } },
    notes: ['tickets.closed_at: updated_at of resolved (4) and closed (5) tickets'],
  },
  {
    tool: 'Freshdesk',
    object: 'companies',
    table: 'bridge',
    requires: ['id', 'name', 'domains'],
    ids: ['id'],
  },
  // ---- NPS
  {
    tool: 'Delighted',
    object: 'survey responses',
    table: 'nps',
    requires: ['person', 'survey_type', 'score', 'created_at'],
    columns: {
      contact_id: 'person',
      responded_at: { column: 'created_at', epoch: 'seconds' },
      score: 'score',
    },
    where: { column: 'survey_type', equals: 'nps' },
  },
  {
    tool: 'Qualtrics',
    object: 'response export',
    table: 'nps',
    requires: ['ResponseId', 'EndDate', 'RecordedDate', 'Finished'],
    columns: { account_id: 'ExternalReference', contact_id: 'ResponseId', responded_at: 'RecordedDate' },
    notes: ['nps.score: the question whose <Q>_NPS_GROUP column Qualtrics adds'],
  },
  {
    tool: 'SurveyMonkey',
    object: 'responses (API v3)',
    table: 'nps',
    requires: ['response_status', 'collector_id', 'date_created', 'pages'],
    columns: { contact_id: 'id', responded_at: 'date_created', score: 'pages.0.questions.0.answers.0.text' },
    where: { column: 'response_status', equals: 'completed' },
    notes: ['nps.score: the first answer of the first question; point it at your NPS question if it is another'],
  },
  // ---- CSM platforms
  {
    tool: 'Gainsight',
    object: 'Activity Timeline',
    priority: 1,
    table: 'interactions',
    requires: ['activity_date', 'company_id', 'type'],
    columns: { account_id: 'company_id', occurred_at: 'activity_date', kind: 'type' },
    values: { kind: GAINSIGHT_KINDS },
  },
  {
    tool: 'Gainsight',
    object: 'Activity Timeline (report export)',
    priority: 1,
    table: 'interactions',
    requires: ['Activity Date', 'Company Id'],
    anyOf: [['Activity Type', 'Type']],
    columns: { account_id: 'Company Id', occurred_at: 'Activity Date', kind: 'Activity Type' },
    values: { kind: GAINSIGHT_KINDS },
  },
  {
    tool: 'Vitally',
    object: 'notes',
    priority: 1,
    table: 'interactions',
    requires: ['accountId', 'noteDate'],
    columns: { account_id: 'accountId', occurred_at: 'noteDate', kind: { value: 'csm_meeting' } },
    notes: ['interactions.kind: every Vitally note counts as a CSM meeting; map categoryId to kinds for more detail'],
  },
  {
    tool: 'Vitally',
    object: 'accounts',
    table: 'bridge',
    requires: ['id', 'externalId', 'name'],
    ids: ['id'],
  },
];

/** Names a person may give a contract column, for files no signature knows (compared without case, spaces or _). */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  account_id: [
    'account_id',
    'accountid',
    'account',
    'company_id',
    'companyid',
    'customer_id',
    'customerid',
    'customer',
    'org_id',
    'organization_id',
    'client_id',
    'group_id',
    'groupid',
  ],
  name: ['name', 'account_name', 'company_name', 'company', 'customer_name'],
  segment: ['segment', 'tier', 'plan', 'size'],
  started_at: [
    'started_at',
    'start_date',
    'customer_since',
    'created_at',
    'createdate',
    'created',
    'signup_date',
    'since',
  ],
  churned_at: ['churned_at', 'churn_date', 'churned', 'cancelled_at', 'canceled_at', 'cancel_date', 'end_date'],
  seats: ['seats', 'licenses', 'licensed_seats', 'license_count'],
  contract_id: ['contract_id', 'contract', 'subscription_id', 'id'],
  starts_at: ['starts_at', 'start_date', 'start', 'effective_date'],
  ends_at: ['ends_at', 'end_date', 'renewal_date', 'end', 'expiry_date'],
  annual_value: ['annual_value', 'arr', 'amount', 'value', 'acv', 'annual_revenue'],
  occurred_at: ['occurred_at', 'timestamp', 'time', 'event_time', 'date', 'created_at', 'ts', 'at'],
  user_id: ['user_id', 'userid', 'user', 'distinct_id', 'email'],
  event: ['event', 'event_name', 'event_type', 'action', 'name', 'type'],
  quantity: ['quantity', 'qty', 'count', 'amount', 'value'],
  ticket_id: ['ticket_id', 'ticket', 'id', 'case_id', 'number'],
  opened_at: ['opened_at', 'created_at', 'created', 'opened', 'submitted_at'],
  closed_at: ['closed_at', 'solved_at', 'resolved_at', 'closed'],
  severity: ['severity', 'priority'],
  sentiment: ['sentiment'],
  escalated: ['escalated', 'is_escalated'],
  contact_id: ['contact_id', 'contact', 'person_id', 'email', 'respondent_id'],
  role: ['role', 'contact_role', 'title'],
  ended_at: ['ended_at', 'end_date', 'left_at'],
  kind: ['kind', 'type', 'activity_type', 'channel'],
  responded_at: ['responded_at', 'response_date', 'submitted_at', 'created_at', 'date'],
  score: ['score', 'nps', 'nps_score', 'rating'],
  integration: ['integration', 'integration_name', 'app', 'connector'],
  connected_at: ['connected_at', 'installed_at', 'created_at', 'enabled_at'],
  disconnected_at: ['disconnected_at', 'uninstalled_at', 'removed_at'],
};
