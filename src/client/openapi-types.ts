// Generated from the service's OpenAPI document by `npm run client:generate`
// (openapi-typescript). Do not edit: test/client.test.ts fails when it is out of date.
export interface paths {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys that verify receipts, checkpoints and manifests */
        get: operations["jwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reference page of this document */
        get: operations["docs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers and the service is not draining */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's signed checkpoints
         * @description Scope: `audit:read`.
         */
        get: operations["checkpoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List events, newest first
         * @description Filters combine; `nextCursor` gives the next (older) page, null at the end.
         *
         *     Scope: `audit:read`.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One event, with its reviews
         * @description Scope: `audit:read`.
         */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/events/{id}/override": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Let a warned message through, with a written justification
         * @description Scope: `check:override`.
         */
        post: operations["overrideEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/events/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A receipt for any event, with the tree head of its batch
         * @description Signed now by the service; POST /v1/audit/verify with it proves the event is in the log as signed.
         *
         *     Scope: `audit:read`.
         */
        get: operations["eventReceipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/events/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an officer's review of an event
         * @description Scope: `audit:review`.
         */
        post: operations["reviewEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream the events as CSV or JSON Lines
         * @description Streamed, oldest first, up to the position in `X-Sargas-Export-Through`; JSON Lines end with a signed manifest line.
         *
         *     Scope: `audit:read`.
         */
        get: operations["exportEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/export/manifest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed manifest of an export (count and SHA-256)
         * @description Scope: `audit:read`.
         */
        get: operations["exportManifest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/facets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agents, platforms and kinds of the tenant’s checks, most frequent first
         * @description Scope: `audit:read`.
         */
        get: operations["eventFacets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/fingerprints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A data subject's values as the fingerprints the log holds
         * @description The lookup is itself recorded, without the values.
         *
         *     Scope: `audit:read`.
         */
        post: operations["lookUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/policy-versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The policy's versions, with what was decided under each (read-only for officers)
         * @description Scope: `audit:read`.
         */
        get: operations["policyHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/policy-versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One version of the policy document (0: the default policy)
         * @description Scope: `audit:read`.
         */
        get: operations["policyHistoryVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/policy-versions/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The settings that differ between two policy versions
         * @description Scope: `audit:read`.
         */
        get: operations["policyDiff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Purge events past retention (recorded in the chain)
         * @description Scope: `audit:admin`.
         */
        post: operations["purge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Unreviewed blocks, warnings and would-blocks, oldest first, with counts
         * @description Scope: `audit:read`.
         */
        get: operations["reviewQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/sinks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The configured sinks and where each stands in the tenant's chain
         * @description Per sink: its cursor (the last seq acknowledged), the lag in events and seconds, its failures and permanent refusals. No secrets: a webhook shows its origin only.
         *
         *     Scope: `audit:admin`.
         */
        get: operations["listSinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/sinks/{name}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver the tenant’s events after a seq to a sink again (recorded in the chain)
         * @description Moves the tenant’s cursor for the sink back to `after` (never past the last seq acknowledged), with a `sink_replay` event in the same transaction. At least once: receivers de-duplicate by event id.
         *
         *     Scope: `audit:admin`.
         */
        post: operations["replaySink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The events after a position, then each new one as it is committed (NDJSON)
         * @description One event a line in the shape of /v1/audit/events, oldest first, then new events as they are committed, until the client closes (follow=false: until caught up). Lines without `id` are heartbeats naming the last seq sent; resume with `after=` it. The stream ends with `{"end": "credentials_expired"}` when the token expires or the console session ends. At most 4 follow streams per tenant and 32 per replica are open at once (429 past it).
         *
         *     Scope: `audit:read`.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Counts of decisions, kinds and rules, by day
         * @description Scope: `audit:read`.
         */
        get: operations["summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the tenant's chain, and a held checkpoint or receipt
         * @description Scope: `audit:read`.
         */
        get: operations["verify"];
        put?: never;
        /**
         * Verify the chain and several held checkpoints and receipts
         * @description Scope: `audit:read`.
         */
        post: operations["verifyHeld"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/care/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Time to first reply, share answered, and the follow-up of public self-disclosures
         * @description Measured from the audit events alone (ids, times, channels, kinds; no text), per platform and channel.
         *
         *     Scope: `audit:read`.
         */
        get: operations["careSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check one message before it is sent, or as it is received
         * @description Detects personal data, decides by the tenant policy, records the decision in the audit log and answers once the event is committed. A 503 means nothing may be sent (the check fails closed).
         *
         *     Scope: `check`.
         */
        post: operations["check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/check/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check up to 1000 messages in one call
         * @description Each item is decided and audited exactly as a single check, under one read of the tenant's policy. An invalid item, a conflicting key or an event that could not be recorded is an error in the item's place; the others are decided. Answers 503 only when no item could be recorded. Each item costs one token of the tenant's rate.
         *
         *     Scope: `check`.
         */
        post: operations["checkBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's current policy
         * @description Scope: `policy:admin`.
         */
        get: operations["getPolicy"];
        /**
         * Store a new version of the policy (recorded in the chain)
         * @description With If-Match (the ETag of GET /v1/policy), refused with 412 precondition_failed when another version is in force. The answer carries the new version as its ETag.
         *
         *     Scope: `policy:admin`.
         */
        put: operations["putPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore an earlier version's document as a new version (recorded in the chain)
         * @description Scope: `policy:admin`.
         */
        post: operations["rollbackPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay a candidate policy over the tenant's history
         * @description Scope: `policy:admin`.
         */
        post: operations["simulatePolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate a policy document as PUT would, storing nothing (a dry run)
         * @description Scope: `policy:admin`.
         */
        post: operations["validatePolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who stored which version of the policy, and when (newest first)
         * @description Scope: `policy:admin`.
         */
        get: operations["listPolicyVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One stored version of the policy (its ETag: the version)
         * @description Scope: `policy:admin`.
         */
        get: operations["getPolicyVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy/versions/{version}/diff/{other}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What changed from one version of the policy to another, path by path
         * @description Scope: `policy:admin`.
         */
        get: operations["diffPolicyVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/threads/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record what the helpdesk did about a thread (post hidden, customer contacted)
         * @description An audit event of its own: the follow-up of a public self-disclosure.
         *
         *     Scope: `check`.
         */
        post: operations["threadAction"];
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
        AuditEvent: {
            /** @description Actions */
            actions: unknown;
            /** @description Agent or officer */
            agentId: string | null;
            /**
             * Format: date-time
             * @description Time
             */
            createdAt: string;
            /** @description Customer (fingerprint) */
            customerFingerprint: string | null;
            /** @description Decision */
            decision: string | null;
            /** @description Details */
            details: unknown;
            /** @description Direction */
            direction: string | null;
            /** @description Findings */
            findings: unknown;
            /** @description Hash */
            hash: string;
            /** @description Hash version */
            hashVersion: number;
            /** @description Fingerprint key */
            hmacKeyId: string;
            /** @description Event */
            id: string;
            /** @description Idempotency key */
            idempotencyKey: string | null;
            /** @description Identity */
            identity: unknown;
            /** @description Kinds of data */
            kinds: unknown;
            /** @description Linked event */
            linkedEventId: string | null;
            /** @description Language */
            locale: string | null;
            /** @description Mode */
            mode: string | null;
            /** @description Platform */
            platform: string | null;
            /** @description Policy version */
            policyVersion: string | null;
            /** @description Post */
            postId: string | null;
            /** @description Previous hash */
            prevHash: string;
            /** @description Rules */
            rules: unknown;
            /** @description Position in the chain */
            seq: number;
            /** @description Thread */
            threadId: string | null;
            /** @description Type */
            type: string;
            /** @description Channel */
            visibility: string | null;
            /** @description Would block (monitor mode) */
            wouldBlock: boolean;
        } & {
            [key: string]: unknown;
        };
        BatchRequest: {
            items: {
                /** @description Required for outbound messages */
                agent?: {
                    id: string;
                };
                /** @description platform: facebook, instagram, x …; visibility: public comment or private message */
                channel: {
                    platform: string;
                    /** @enum {string} */
                    visibility: "public" | "private";
                };
                customer?: {
                    id?: string;
                    /** @description An assertion from the tenant's identity provider that the customer is identified */
                    identityToken?: string;
                };
                /**
                 * @description outbound: an agent's reply before it is sent; inbound: a customer's post
                 * @enum {string}
                 */
                direction: "inbound" | "outbound";
                /** @description Replays of the same key return the first decision and write no second event. */
                idempotencyKey?: string;
                /**
                 * @description Detected when absent
                 * @enum {string}
                 */
                locale?: "pl" | "lt" | "en";
                /** @description The message as it would be posted; never stored (only masked previews and fingerprints) */
                text: string;
                thread?: {
                    id?: string;
                    postId?: string;
                };
            }[];
        };
        BatchResponse: {
            /** @description One per item, in order: the item's check response, or its error */
            results: ({
                actions: ("remove_secret_request" | "remove_secret" | "hide_post" | "advise_block_card" | "advise_change_secret" | "contact_customer_privately" | "move_to_private_channel" | "verify_identity" | "do_not_copy")[];
                audit: {
                    hash: string;
                    id: string;
                    seq: number;
                    treeHead?: {
                        jws: string;
                        root: string;
                        seq: number;
                        treeSize?: number;
                    };
                };
                /** @enum {string} */
                decision: "allow" | "warn" | "block";
                findings: {
                    /**
                     * @description On the tenant's allow-list: not counted
                     * @constant
                     */
                    allowListed?: true;
                    confidence: number;
                    /** @description UTF-16 offset, exclusive */
                    end: number;
                    /** @description Why it was found: format, checksum, context words */
                    evidence: string[];
                    /** @description A kind of POLICY.md (iban, pin, balance, phone …) or a tenant custom kind */
                    kind: string;
                    /** @description The value masked: never the value itself */
                    masked: string;
                    /**
                     * @description Of a kind the tenant's tuning monitors: reported, not counted
                     * @constant
                     */
                    monitored?: true;
                    /** @description UTF-16 offset into the text as sent */
                    start: number;
                }[];
                identity: {
                    reason?: string;
                    /** @enum {string} */
                    status: "verified" | "absent" | "rejected";
                };
                /** @enum {string} */
                locale: "pl" | "lt" | "en";
                /** @enum {string} */
                mode: "enforce" | "monitor";
                /** @description tenant@version */
                policyVersion: string;
                /** @description A compact JWS over the decision, signed by the service */
                receipt: string;
                /**
                 * @description An Idempotency-Key replay: the first answer
                 * @constant
                 */
                replayed?: true;
                suggestion: {
                    /** @description A ready warning to a customer who exposed their own data */
                    customerNotice: string | null;
                    /** @description A ready invitation to a private, identified channel, in the customer's language */
                    privateChannelMessage: string | null;
                    redactedText: string | null;
                };
                /**
                 * @description A customer exposed a secret: act now
                 * @constant
                 */
                urgent?: true;
                violations: {
                    kinds: string[];
                    message: string;
                    rule: string;
                    /** @description What to rewrite, in the original offsets */
                    spans: {
                        end: number;
                        /** @description A kind of POLICY.md (iban, pin, balance, phone …) or a tenant custom kind */
                        kind: string;
                        start: number;
                    }[];
                }[];
                /**
                 * @description Monitor mode: enforced, this would block
                 * @constant
                 */
                wouldBlock?: true;
            } | {
                error: {
                    /** @enum {string} */
                    code: "invalid_request" | "unauthorized" | "forbidden" | "not_found" | "idempotency_conflict" | "conflict" | "precondition_failed" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "internal" | "audit_unavailable" | "not_ready";
                    /** @description For 400: `[{ field, message }]`, the failing fields; for 503: `{ reason }` */
                    details?: unknown;
                    /** @description For people; never echoes a submitted value */
                    message: string;
                    requestId?: string | null;
                };
            })[];
        };
        /** @description Care metrics, measured from the audit events alone (ids, times, kinds; no text). */
        CareSummary: {
            /** @description Every disclosure of the period (at most 1,000). */
            disclosures: {
                deadlineAt: string;
                disclosedAt: string;
                /** @description The check event of the inbound post. */
                eventId: string;
                followedUpAt: string | null;
                /** @description The first follow-up: a private-channel reply in the thread, or a thread action. */
                followUp: ("private_reply" | "post_hidden" | "customer_contacted") | null;
                followUpMinutes: number | null;
                /** @description The kinds of data found (never the values). */
                kinds: string[];
                platform: string;
                postId: string | null;
                seq: number;
                /** @enum {string} */
                status: "in_time" | "late" | "open" | "overdue";
                threadId: string;
            }[];
            disclosuresTruncated: boolean;
            /** @description The tenant’s deadline for following up a disclosure. */
            followUpMinutes: number;
            from: string;
            /** @description Per platform and channel (the visibility of the thread’s first inbound post). */
            groups: {
                /** @description Of them, posts with a reply after them in their thread. */
                answeredPosts: number;
                /** @description answeredPosts / inboundPosts (null without inbound posts). */
                answeredShare: number | null;
                /** @description Of them, threads with a reply after their first inbound post. */
                answeredThreads: number;
                /** @enum {string} */
                channel: "public" | "private";
                /** @description Public inbound posts carrying the customer’s own personal data, by follow-up. */
                disclosures: {
                    inTime: number;
                    late: number;
                    /** @description Not followed up, deadline not yet passed. */
                    open: number;
                    /** @description Not followed up, deadline passed. */
                    overdue: number;
                    total: number;
                };
                /** @description Time from a thread’s first inbound post to its first reply (an outbound message not blocked), answered threads only. */
                firstReplySeconds: {
                    count: number;
                    max: number | null;
                    mean: number | null;
                    median: number | null;
                    /** @description Nearest rank. */
                    p90: number | null;
                };
                /** @description Inbound posts of those threads in the period. */
                inboundPosts: number;
                platform: string;
                /** @description Threads whose first inbound post is in the period. */
                threads: number;
            }[];
            /** @description Disclosures not followed up by their deadline. */
            overdue: {
                deadlineAt: string;
                disclosedAt: string;
                /** @description The check event of the inbound post. */
                eventId: string;
                followedUpAt: string | null;
                /** @description The first follow-up: a private-channel reply in the thread, or a thread action. */
                followUp: ("private_reply" | "post_hidden" | "customer_contacted") | null;
                followUpMinutes: number | null;
                /** @description The kinds of data found (never the values). */
                kinds: string[];
                platform: string;
                postId: string | null;
                seq: number;
                /** @enum {string} */
                status: "in_time" | "late" | "open" | "overdue";
                threadId: string;
            }[];
            platform: string | null;
            to: string;
            totals: {
                /** @description Of them, posts with a reply after them in their thread. */
                answeredPosts: number;
                /** @description answeredPosts / inboundPosts (null without inbound posts). */
                answeredShare: number | null;
                /** @description Of them, threads with a reply after their first inbound post. */
                answeredThreads: number;
                /** @description Public inbound posts carrying the customer’s own personal data, by follow-up. */
                disclosures: {
                    inTime: number;
                    late: number;
                    /** @description Not followed up, deadline not yet passed. */
                    open: number;
                    /** @description Not followed up, deadline passed. */
                    overdue: number;
                    total: number;
                };
                /** @description Time from a thread’s first inbound post to its first reply (an outbound message not blocked), answered threads only. */
                firstReplySeconds: {
                    count: number;
                    max: number | null;
                    mean: number | null;
                    median: number | null;
                    /** @description Nearest rank. */
                    p90: number | null;
                };
                /** @description Inbound posts of those threads in the period. */
                inboundPosts: number;
                /** @description Threads whose first inbound post is in the period. */
                threads: number;
            };
        };
        Checkpoints: {
            checkpoints: {
                jws: string;
                seq: number;
            }[];
        };
        CheckRequest: {
            /** @description Required for outbound messages */
            agent?: {
                id: string;
            };
            /** @description platform: facebook, instagram, x …; visibility: public comment or private message */
            channel: {
                platform: string;
                /** @enum {string} */
                visibility: "public" | "private";
            };
            customer?: {
                id?: string;
                /** @description An assertion from the tenant's identity provider that the customer is identified */
                identityToken?: string;
            };
            /**
             * @description outbound: an agent's reply before it is sent; inbound: a customer's post
             * @enum {string}
             */
            direction: "inbound" | "outbound";
            /**
             * @description Detected when absent
             * @enum {string}
             */
            locale?: "pl" | "lt" | "en";
            /** @description The message as it would be posted; never stored (only masked previews and fingerprints) */
            text: string;
            thread?: {
                id?: string;
                postId?: string;
            };
        };
        /** @description What was decided and why, with the receipt of its committed audit event */
        CheckResponse: {
            actions: ("remove_secret_request" | "remove_secret" | "hide_post" | "advise_block_card" | "advise_change_secret" | "contact_customer_privately" | "move_to_private_channel" | "verify_identity" | "do_not_copy")[];
            audit: {
                hash: string;
                id: string;
                seq: number;
                treeHead?: {
                    jws: string;
                    root: string;
                    seq: number;
                    treeSize?: number;
                };
            };
            /** @enum {string} */
            decision: "allow" | "warn" | "block";
            findings: {
                /**
                 * @description On the tenant's allow-list: not counted
                 * @constant
                 */
                allowListed?: true;
                confidence: number;
                /** @description UTF-16 offset, exclusive */
                end: number;
                /** @description Why it was found: format, checksum, context words */
                evidence: string[];
                /** @description A kind of POLICY.md (iban, pin, balance, phone …) or a tenant custom kind */
                kind: string;
                /** @description The value masked: never the value itself */
                masked: string;
                /**
                 * @description Of a kind the tenant's tuning monitors: reported, not counted
                 * @constant
                 */
                monitored?: true;
                /** @description UTF-16 offset into the text as sent */
                start: number;
            }[];
            identity: {
                reason?: string;
                /** @enum {string} */
                status: "verified" | "absent" | "rejected";
            };
            /** @enum {string} */
            locale: "pl" | "lt" | "en";
            /** @enum {string} */
            mode: "enforce" | "monitor";
            /** @description tenant@version */
            policyVersion: string;
            /** @description A compact JWS over the decision, signed by the service */
            receipt: string;
            /**
             * @description An Idempotency-Key replay: the first answer
             * @constant
             */
            replayed?: true;
            suggestion: {
                /** @description A ready warning to a customer who exposed their own data */
                customerNotice: string | null;
                /** @description A ready invitation to a private, identified channel, in the customer's language */
                privateChannelMessage: string | null;
                redactedText: string | null;
            };
            /**
             * @description A customer exposed a secret: act now
             * @constant
             */
            urgent?: true;
            violations: {
                kinds: string[];
                message: string;
                rule: string;
                /** @description What to rewrite, in the original offsets */
                spans: {
                    end: number;
                    /** @description A kind of POLICY.md (iban, pin, balance, phone …) or a tenant custom kind */
                    kind: string;
                    start: number;
                }[];
            }[];
            /**
             * @description Monitor mode: enforced, this would block
             * @constant
             */
            wouldBlock?: true;
        };
        /** @description The one error shape of the API */
        Error: {
            error: {
                /** @enum {string} */
                code: "invalid_request" | "unauthorized" | "forbidden" | "not_found" | "idempotency_conflict" | "conflict" | "precondition_failed" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "internal" | "audit_unavailable" | "not_ready";
                /** @description For 400: `[{ field, message }]`, the failing fields; for 503: `{ reason }` */
                details?: unknown;
                /** @description For people; never echoes a submitted value */
                message: string;
                requestId?: string | null;
            };
        };
        EventPage: {
            events: (components["schemas"]["AuditEvent"] & {
                /** @description reviews of the event so far */
                reviewCount?: number;
            })[];
            nextCursor: string | null;
        };
        EventReceipt: {
            event: string;
            /** @description A compact JWS by the service key (sargas-receipt+jws) */
            receipt: string;
            /** @description whether the event's batch has a seal (its tree head is in the receipt) */
            sealed: boolean;
        };
        ExportManifest: {
            /** @description The manifest signed by the service */
            jws: string;
            manifest: {
                count: number;
                /** @enum {string} */
                format: "csv" | "jsonl";
                generatedAt: string;
                sha256: string;
                tenant: string;
                through: number;
            };
        };
        /** @description Values to filter by */
        Facets: {
            /** @description agent ids */
            agents: {
                count: number;
                value: string;
            }[];
            /** @description kinds of data found, built-in and the tenant’s custom kinds (added field) */
            kinds: {
                count: number;
                value: string;
            }[];
            /** @description platforms */
            platforms: {
                count: number;
                value: string;
            }[];
        };
        Health: {
            status: string;
        };
        Jwks: {
            keys: {
                kid?: string;
                kty: string;
            }[];
        };
        LookupRequest: {
            customerId?: string;
            text?: string;
        };
        LookupResult: {
            /** @description Every keyed fingerprint of the values: the `fingerprint` filter of the events */
            fingerprint: string[];
        };
        Override: {
            /** @description The override event */
            override: Record<string, never>;
            receipt: string;
        };
        OverrideRequest: {
            justification: string;
        };
        Policy: {
            createdAt?: string | null;
            createdBy?: string | null;
            /** @description The policy document (see PUT /v1/policy) */
            policy: Record<string, never>;
            policyVersion: string;
            tenant: string;
            version: number;
        };
        PolicyDiff: {
            /** @description Empty when the documents are the same. */
            changes: {
                /** @description Lists of words, values, patterns: entries added. */
                added?: unknown[];
                after?: unknown;
                before?: unknown;
                /** @description Member names from the top; custom kinds by name, other lists by index. */
                path: string;
                removed?: unknown[];
            }[];
            from: number;
            to: number;
        };
        PolicyDocument: {
            /**
             * @default {
             *       "phones": [],
             *       "ibans": [],
             *       "emails": [],
             *       "emailDomains": []
             *     }
             */
            allowList?: {
                /** @default [] */
                emailDomains?: string[];
                /** @default [] */
                emails?: string[];
                /** @default [] */
                ibans?: string[];
                /** @default [] */
                phones?: string[];
            };
            brand?: string;
            /** @description The tenant's own kinds of personal data. */
            customKinds?: {
                /**
                 * @description A check every match must pass: the value's digits (luhn, mod11) or letters and digits (mod97).
                 * @enum {string}
                 */
                checksum?: "mod97" | "luhn" | "mod11";
                /**
                 * @description The class of POLICY.md's matrix the kind is decided by.
                 * @enum {string}
                 */
                class: "SECRET" | "ACCOUNT" | "IDENTITY" | "CONTACT" | "INFO";
                /** @description Words that, within 8 words of a match, raise its confidence (or, with contextRequired, are needed). */
                context?: string[];
                /** @description Without a context word nearby, a match is not a finding. */
                contextRequired?: boolean;
                /** @description The kind findings carry ("kind": "<name>"); not a built-in kind. */
                name: string;
                /** @description RE2 regular expressions (linear time), run over the normalised text. */
                patterns?: string[];
                /** @description Literal terms, matched on folded words (case and diacritics ignored); a trailing * makes a word a prefix. */
                terms?: string[];
            }[];
            defaultRegion?: string;
            identityProvider?: {
                audience: string;
                issuer: string;
                jwks?: {
                    keys: {
                        kty: string;
                    }[];
                };
                jwksUrl?: string;
            };
            /**
             * @default enforce
             * @enum {string}
             */
            mode?: "enforce" | "monitor";
            privateChannelLink?: string;
            retentionDays?: number;
            safeTexts?: string[];
            tuning?: {
                /** @description Must be true when the tuning switches off, monitors, raises the threshold of or allow-lists a SECRET kind. */
                acknowledgeSecretWeakening?: boolean;
                /** @description Values, prefixes and phrases never counted in a decision. */
                allow?: {
                    /** @description The kind the entry applies to (required with value or prefix). */
                    kind?: string;
                    /** @description An exact safe phrase: findings inside it are never counted. */
                    phrase?: string;
                    /** @description Values beginning so are never counted (a test card range). */
                    prefix?: string;
                    /** @description A value of the kind never counted (compared on letters and digits). */
                    value?: string;
                }[];
                /** @description Values always found as their kind. */
                deny?: {
                    /** @description The kind a denied value is always found as. */
                    kind: string;
                    /** @description A value always found, wherever it appears. */
                    value: string;
                }[];
                /** @description Per kind (built-in or custom): switched off, monitor-only, a threshold, context words. */
                kinds?: {
                    [key: string]: {
                        /** @description Extra context words that name this kind, per language, as the built-in lexicon does. */
                        context?: {
                            [key: string]: string[];
                        };
                        /**
                         * @description off: not detected; monitor: found and reported, never counted in the decision.
                         * @enum {string}
                         */
                        mode?: "on" | "off" | "monitor";
                        /** @description The minimum confidence of a finding of this kind. */
                        threshold?: number;
                    };
                };
            };
            wording?: {
                [key: string]: {
                    customerNotice?: string;
                    privateChannelMessage?: string;
                };
            };
        };
        /** @description Every version of the tenant's policy, oldest first */
        PolicyHistory: {
            versions: {
                blocked: number;
                /** @description the settings the change touched */
                changed: string[];
                checks: number;
                createdAt: string | null;
                /** @description who saved it (null: the default policy) */
                createdBy: string | null;
                /** @description the policy_change event that recorded it */
                eventId: string | null;
                mode: string | null;
                /** @description tenant@version, as events name it */
                policyVersion: string;
                version: number;
                warned: number;
                /** @description checks monitor mode let through that enforce mode would block */
                wouldBlock: number;
            }[];
        };
        /** @description One version of the policy document */
        PolicyHistoryVersion: {
            createdAt: string | null;
            createdBy: string | null;
            policy: Record<string, never>;
            policyVersion: string;
            version: number;
        };
        PolicyRollback: {
            /** @description The stored version to restore. */
            version: number;
        };
        PolicyValidation: {
            /** @description The version in force, for If-Match. */
            basedOn: number;
            /** @description Top-level settings that differ from the version in force. */
            changed: string[];
            /** @description The document as it would be stored (normalised). */
            policy: Record<string, never>;
            /** @description Fields that weaken a SECRET kind (acknowledged). */
            secretWeakenings: string[];
            /** @constant */
            valid: true;
        };
        PolicyVersions: {
            /** @description `before` for the next page, or null. */
            next: number | null;
            /** @description Newest first. */
            versions: {
                /** @description When it was stored. */
                createdAt: string;
                /** @description Who stored it (the access token subject). */
                createdBy: string;
                policyVersion: string;
                version: number;
            }[];
        };
        PurgeRequest: {
            olderThanDays?: number;
        };
        PurgeResult: {
            purged: number;
            reason?: string;
        };
        Review: {
            createdAt: string;
            /** @description A ULID */
            eventId?: string;
            /** @description A ULID */
            id: string;
            note: string;
            reviewer: string;
            /** @enum {string} */
            verdict: "confirmed" | "false_positive" | "escalated";
        };
        ReviewQueue: {
            counts: {
                byAgent: Record<string, never>[];
                byKind: Record<string, never>[];
                total: number;
            };
            events: components["schemas"]["AuditEvent"][];
            nextCursor: string | null;
        };
        ReviewRequest: {
            note: string;
            /** @enum {string} */
            verdict: "confirmed" | "false_positive" | "escalated";
        };
        Simulation: {
            /** @description Per custom kind: events where it counted, as recorded and under the candidate, and the decisions that changed among them */
            byCustomKind?: {
                [key: string]: {
                    after: number;
                    before: number;
                    changed: number;
                };
            };
            byRule: {
                [key: string]: {
                    after: number;
                    before: number;
                };
            };
            changed: number;
            evaluated: number;
            /** @description What history cannot tell: new custom kinds, denied values, allowed prefixes and phrases, new context words */
            notSimulated?: Record<string, never>;
            transitions: {
                [key: string]: number;
            };
        };
        SimulationRequest: {
            /** @description Earliest check to replay (ISO time). */
            from?: string;
            /**
             * @description At most this many recent checks.
             * @default 10000
             */
            limit?: number;
            /** @description The candidate policy document. */
            policy: {
                /**
                 * @default {
                 *       "phones": [],
                 *       "ibans": [],
                 *       "emails": [],
                 *       "emailDomains": []
                 *     }
                 */
                allowList?: {
                    /** @default [] */
                    emailDomains?: string[];
                    /** @default [] */
                    emails?: string[];
                    /** @default [] */
                    ibans?: string[];
                    /** @default [] */
                    phones?: string[];
                };
                brand?: string;
                /** @description The tenant's own kinds of personal data. */
                customKinds?: {
                    /**
                     * @description A check every match must pass: the value's digits (luhn, mod11) or letters and digits (mod97).
                     * @enum {string}
                     */
                    checksum?: "mod97" | "luhn" | "mod11";
                    /**
                     * @description The class of POLICY.md's matrix the kind is decided by.
                     * @enum {string}
                     */
                    class: "SECRET" | "ACCOUNT" | "IDENTITY" | "CONTACT" | "INFO";
                    /** @description Words that, within 8 words of a match, raise its confidence (or, with contextRequired, are needed). */
                    context?: string[];
                    /** @description Without a context word nearby, a match is not a finding. */
                    contextRequired?: boolean;
                    /** @description The kind findings carry ("kind": "<name>"); not a built-in kind. */
                    name: string;
                    /** @description RE2 regular expressions (linear time), run over the normalised text. */
                    patterns?: string[];
                    /** @description Literal terms, matched on folded words (case and diacritics ignored); a trailing * makes a word a prefix. */
                    terms?: string[];
                }[];
                defaultRegion?: string;
                identityProvider?: {
                    audience: string;
                    issuer: string;
                    jwks?: {
                        keys: {
                            kty: string;
                        }[];
                    };
                    jwksUrl?: string;
                };
                /**
                 * @default enforce
                 * @enum {string}
                 */
                mode?: "enforce" | "monitor";
                privateChannelLink?: string;
                retentionDays?: number;
                safeTexts?: string[];
                tuning?: {
                    /** @description Must be true when the tuning switches off, monitors, raises the threshold of or allow-lists a SECRET kind. */
                    acknowledgeSecretWeakening?: boolean;
                    /** @description Values, prefixes and phrases never counted in a decision. */
                    allow?: {
                        /** @description The kind the entry applies to (required with value or prefix). */
                        kind?: string;
                        /** @description An exact safe phrase: findings inside it are never counted. */
                        phrase?: string;
                        /** @description Values beginning so are never counted (a test card range). */
                        prefix?: string;
                        /** @description A value of the kind never counted (compared on letters and digits). */
                        value?: string;
                    }[];
                    /** @description Values always found as their kind. */
                    deny?: {
                        /** @description The kind a denied value is always found as. */
                        kind: string;
                        /** @description A value always found, wherever it appears. */
                        value: string;
                    }[];
                    /** @description Per kind (built-in or custom): switched off, monitor-only, a threshold, context words. */
                    kinds?: {
                        [key: string]: {
                            /** @description Extra context words that name this kind, per language, as the built-in lexicon does. */
                            context?: {
                                [key: string]: string[];
                            };
                            /**
                             * @description off: not detected; monitor: found and reported, never counted in the decision.
                             * @enum {string}
                             */
                            mode?: "on" | "off" | "monitor";
                            /** @description The minimum confidence of a finding of this kind. */
                            threshold?: number;
                        };
                    };
                };
                wording?: {
                    [key: string]: {
                        customerNotice?: string;
                        privateChannelMessage?: string;
                    };
                };
            };
            /** @description Latest check to replay (ISO time). */
            to?: string;
        };
        SinkReplay: {
            /** @description Where the cursor now is: delivery goes on after it. */
            after: number;
            /** @description The `sink_replay` event that records the replay. */
            eventId: string;
            /** @description Where it was. */
            previousCursor: number;
            /** @description Its seq: the sink delivers it too. */
            seq: number;
            sink: string;
        };
        SinkReplayRequest: {
            /** @description The seq the sink goes back to: it gets every event of the tenant after it again. At most the last seq it acknowledged (`cursor` in GET /v1/audit/sinks). */
            after: number;
        };
        Sinks: {
            /** @description Every configured sink (none: an empty list). */
            sinks: {
                /** @description The last seq of the tenant the sink acknowledged (0: none). */
                cursor: number;
                /** @description Failures seen by this replica’s deliverer since it started. */
                failures: {
                    /** @description Failed deliveries (every tenant), each retried. */
                    count: number;
                    /** @description When the last one happened (ISO 8601), or null. */
                    lastAt: string | null;
                };
                /** @description The last seq of the tenant’s chain. */
                head: number;
                /** @enum {string} */
                kind: "webhook" | "directory";
                /** @description Events of the tenant committed but not acknowledged. */
                lagEvents: number;
                /** @description Age of the oldest of them, in seconds (0 when the sink has caught up). */
                lagSeconds: number;
                /** @description Its name in the cursors, the metrics and the logs. */
                name: string;
                /** @description A webhook’s origin (scheme, host, port: never its path, query or credentials); null for a directory. */
                origin: string | null;
                /** @description Of the failures, the receiver’s permanent refusals (400, 401, 403, 404, 413, 422) by status: a misconfigured receiver. */
                refusals: {
                    count: number;
                    status: number;
                }[];
            }[];
        };
        Summary: {
            byDay: {
                day: string;
                /** @description of them, those with a false_positive review */
                falsePositive: number;
                falsePositiveRate: number | null;
                /** @description checks of the day anyone reviewed */
                reviewed: number;
                wouldBlock: number;
            }[];
            byKind: {
                [key: string]: number;
            };
            byRule: {
                [key: string]: number;
            };
            checks: number;
            decisions: {
                [key: string]: number;
            };
            /** @description events with a false_positive review / reviewed events (null: none reviewed) */
            falsePositiveRate: number | null;
            /** @description reviewed events, and events per verdict */
            reviews: {
                falsePositive: number;
                reviewed: number;
            };
            /** @description the time zone the days are counted in */
            timeZone: string;
            wouldBlock: number;
        };
        /** @description The thread action as recorded in the chain. */
        ThreadAction: {
            /** @enum {string} */
            action: "post_hidden" | "customer_contacted";
            at: string;
            createdAt: string;
            id: string;
            seq: number;
            threadId: string;
        };
        ThreadActionRequest: {
            /**
             * @description What the helpdesk did about the thread’s disclosure.
             * @enum {string}
             */
            action: "post_hidden" | "customer_contacted";
            /** @description When it was done (default: now); not in the future. */
            at?: string;
        };
        VerifyReport: {
            breakCount: number;
            breaks: {
                reason: string;
                seq: number | null;
            }[];
            events: number;
            head?: string | null;
            /** @description Each held checkpoint or receipt, with its proofs */
            held: Record<string, never>[];
            ok: boolean;
        };
        VerifyRequest: {
            checkpoint?: string;
            checkpoints?: string[];
            receipt?: string;
            receipts?: string[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    jwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JWK set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Jwks"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    docs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                    };
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics in the text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not ready */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    checkpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checkpoints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Checkpoints"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description the agent or officer; repeat the parameter for several (any of them matches) */
                agent?: string | string[];
                cursor?: string;
                /** @description the decision; repeat the parameter for several (any of them matches) */
                decision?: ("allow" | "warn" | "block") | ("allow" | "warn" | "block")[];
                direction?: "inbound" | "outbound";
                fingerprint?: string;
                from?: string;
                /** @description a kind of data found; repeat the parameter for several (any of them matches) */
                kind?: string | string[];
                limit?: number;
                /** @description the platform; repeat the parameter for several (any of them matches) */
                platform?: string | string[];
                /** @description a rule that applied; repeat the parameter for several (any of them matches) */
                rule?: string | string[];
                thread?: string;
                to?: string;
                /** @description the type of event; repeat the parameter for several (any of them matches) */
                type?: ("check" | "override" | "policy_change" | "purge" | "lookup" | "review" | "thread_action" | "care_alert" | "sink_replay") | ("check" | "override" | "policy_change" | "purge" | "lookup" | "review" | "thread_action" | "care_alert" | "sink_replay")[];
                visibility?: "public" | "private";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event id (a ULID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEvent"] & {
                        /** @description the override events of a check, oldest first */
                        overrides?: components["schemas"]["AuditEvent"][];
                        reviews: components["schemas"]["Review"][];
                    };
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    overrideEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event id (a ULID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OverrideRequest"];
            };
        };
        responses: {
            /** @description The override event and its receipt */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Override"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: the change conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: the body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    eventReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event id (a ULID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The receipt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventReceipt"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reviewEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event id (a ULID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "verdict": "false_positive",
                 *       "note": "A reference number, not an account."
                 *     }
                 */
                "application/json": components["schemas"]["ReviewRequest"];
            };
        };
        responses: {
            /** @description The review, recorded with its chain event */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: the body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportEvents: {
        parameters: {
            query?: {
                /** @description the agent or officer; repeat the parameter for several (any of them matches) */
                agent?: string | string[];
                /** @description the decision; repeat the parameter for several (any of them matches) */
                decision?: ("allow" | "warn" | "block") | ("allow" | "warn" | "block")[];
                direction?: "inbound" | "outbound";
                fingerprint?: string;
                format?: "csv" | "jsonl";
                from?: string;
                /** @description a kind of data found; repeat the parameter for several (any of them matches) */
                kind?: string | string[];
                /** @description the platform; repeat the parameter for several (any of them matches) */
                platform?: string | string[];
                /** @description a rule that applied; repeat the parameter for several (any of them matches) */
                rule?: string | string[];
                thread?: string;
                through?: number;
                to?: string;
                /** @description the type of event; repeat the parameter for several (any of them matches) */
                type?: ("check" | "override" | "policy_change" | "purge" | "lookup" | "review" | "thread_action" | "care_alert" | "sink_replay") | ("check" | "override" | "policy_change" | "purge" | "lookup" | "review" | "thread_action" | "care_alert" | "sink_replay")[];
                visibility?: "public" | "private";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportManifest: {
        parameters: {
            query?: {
                /** @description the agent or officer; repeat the parameter for several (any of them matches) */
                agent?: string | string[];
                /** @description the decision; repeat the parameter for several (any of them matches) */
                decision?: ("allow" | "warn" | "block") | ("allow" | "warn" | "block")[];
                direction?: "inbound" | "outbound";
                fingerprint?: string;
                format?: "csv" | "jsonl";
                from?: string;
                /** @description a kind of data found; repeat the parameter for several (any of them matches) */
                kind?: string | string[];
                /** @description the platform; repeat the parameter for several (any of them matches) */
                platform?: string | string[];
                /** @description a rule that applied; repeat the parameter for several (any of them matches) */
                rule?: string | string[];
                thread?: string;
                through?: number;
                to?: string;
                /** @description the type of event; repeat the parameter for several (any of them matches) */
                type?: ("check" | "override" | "policy_change" | "purge" | "lookup" | "review" | "thread_action" | "care_alert" | "sink_replay") | ("check" | "override" | "policy_change" | "purge" | "lookup" | "review" | "thread_action" | "care_alert" | "sink_replay")[];
                visibility?: "public" | "private";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The manifest and its signature */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportManifest"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    eventFacets: {
        parameters: {
            query?: {
                /** @description the agent or officer; repeat the parameter for several (any of them matches) */
                agent?: string | string[];
                /** @description the decision; repeat the parameter for several (any of them matches) */
                decision?: ("allow" | "warn" | "block") | ("allow" | "warn" | "block")[];
                direction?: "inbound" | "outbound";
                fingerprint?: string;
                from?: string;
                /** @description a kind of data found; repeat the parameter for several (any of them matches) */
                kind?: string | string[];
                /** @description the platform; repeat the parameter for several (any of them matches) */
                platform?: string | string[];
                /** @description a rule that applied; repeat the parameter for several (any of them matches) */
                rule?: string | string[];
                thread?: string;
                to?: string;
                /** @description the type of event; repeat the parameter for several (any of them matches) */
                type?: ("check" | "override" | "policy_change" | "purge" | "lookup" | "review" | "thread_action" | "care_alert" | "sink_replay") | ("check" | "override" | "policy_change" | "purge" | "lookup" | "review" | "thread_action" | "care_alert" | "sink_replay")[];
                visibility?: "public" | "private";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Values to filter by */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Facets"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    lookUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "customerId": "fb:123"
                 *     }
                 */
                "application/json": components["schemas"]["LookupRequest"];
            };
        };
        responses: {
            /** @description The fingerprints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LookupResult"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: the body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    policyHistory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every version, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyHistory"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    policyHistoryVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A version number */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyHistoryVersion"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    policyDiff: {
        parameters: {
            query: {
                /** @description the older version */
                from: number;
                /** @description the newer version */
                to: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyDiff"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    purge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PurgeRequest"];
            };
        };
        responses: {
            /** @description What was purged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurgeResult"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: the body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reviewQueue: {
        parameters: {
            query?: {
                /** @description the agent or officer; repeat the parameter for several (any of them matches) */
                agent?: string | string[];
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description the decision; repeat the parameter for several (any of them matches) */
                decision?: ("allow" | "warn" | "block") | ("allow" | "warn" | "block")[];
                direction?: "inbound" | "outbound";
                fingerprint?: string;
                from?: string;
                /** @description a kind of data found; repeat the parameter for several (any of them matches) */
                kind?: string | string[];
                /** @description events per page */
                limit?: number;
                /** @description the platform; repeat the parameter for several (any of them matches) */
                platform?: string | string[];
                /** @description a rule that applied; repeat the parameter for several (any of them matches) */
                rule?: string | string[];
                thread?: string;
                to?: string;
                /** @description the type of event; repeat the parameter for several (any of them matches) */
                type?: ("check" | "override" | "policy_change" | "purge" | "lookup" | "review" | "thread_action" | "care_alert" | "sink_replay") | ("check" | "override" | "policy_change" | "purge" | "lookup" | "review" | "thread_action" | "care_alert" | "sink_replay")[];
                visibility?: "public" | "private";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the queue and what waits in all */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewQueue"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSinks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sinks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sinks"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replaySink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The sink’s name (GET /v1/audit/sinks) */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "after": 120
                 *     }
                 */
                "application/json": components["schemas"]["SinkReplayRequest"];
            };
        };
        responses: {
            /** @description The replay */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SinkReplay"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: the body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    streamEvents: {
        parameters: {
            query?: {
                /** @description The seq of the last event the client has: the stream starts after it (0, the default: the beginning of the chain). */
                after?: number;
                /** @description false: send the events committed so far and close (a replay from `after`); true, the default: stay open and send each new event as it is committed. */
                follow?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: past the tenant's rate; wait for Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    summary: {
        parameters: {
            query?: {
                /** @description the agent or officer; repeat the parameter for several (any of them matches) */
                agent?: string | string[];
                /** @description the decision; repeat the parameter for several (any of them matches) */
                decision?: ("allow" | "warn" | "block") | ("allow" | "warn" | "block")[];
                direction?: "inbound" | "outbound";
                fingerprint?: string;
                from?: string;
                /** @description a kind of data found; repeat the parameter for several (any of them matches) */
                kind?: string | string[];
                /** @description the platform; repeat the parameter for several (any of them matches) */
                platform?: string | string[];
                /** @description a rule that applied; repeat the parameter for several (any of them matches) */
                rule?: string | string[];
                thread?: string;
                to?: string;
                /** @description the type of event; repeat the parameter for several (any of them matches) */
                type?: ("check" | "override" | "policy_change" | "purge" | "lookup" | "review" | "thread_action" | "care_alert" | "sink_replay") | ("check" | "override" | "policy_change" | "purge" | "lookup" | "review" | "thread_action" | "care_alert" | "sink_replay")[];
                /** @description The time zone whose days the counts are grouped by (IANA name), default UTC */
                tz?: string;
                visibility?: "public" | "private";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Summary"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verify: {
        parameters: {
            query?: {
                checkpoint?: string;
                receipt?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the log is intact, and the proofs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyReport"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyHeld: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyRequest"];
            };
        };
        responses: {
            /** @description Whether the log is intact, and the proofs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyReport"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: the body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    careSummary: {
        parameters: {
            query?: {
                /** @description Start of the period (threads whose first inbound post is at or after it); default: 30 days before `to`. */
                from?: string;
                /** @description Only threads on this platform. */
                platform?: string;
                /** @description End of the period (exclusive); default: now. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The care metrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CareSummary"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    check: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key returns the first decision and writes no second audit event. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "direction": "outbound",
                 *       "text": "Saldo Pana konta wynosi 2 500,00 zł.",
                 *       "channel": {
                 *         "platform": "facebook",
                 *         "visibility": "public"
                 *       },
                 *       "customer": {
                 *         "id": "fb:123"
                 *       },
                 *       "agent": {
                 *         "id": "agent-17"
                 *       },
                 *       "thread": {
                 *         "id": "t-9",
                 *         "postId": "p-4"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CheckRequest"];
            };
        };
        responses: {
            /** @description The decision */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "decision": "block",
                     *       "mode": "enforce",
                     *       "locale": "pl",
                     *       "findings": [
                     *         {
                     *           "kind": "balance",
                     *           "start": 24,
                     *           "end": 35,
                     *           "confidence": 0.9,
                     *           "masked": "* ***,** zł",
                     *           "evidence": [
                     *             "format:amount",
                     *             "context:balance"
                     *           ]
                     *         }
                     *       ],
                     *       "violations": [
                     *         {
                     *           "rule": "account-data-public",
                     *           "kinds": [
                     *             "balance"
                     *           ],
                     *           "message": "Account data may be given only in a private channel after identification.",
                     *           "spans": [
                     *             {
                     *               "start": 24,
                     *               "end": 35,
                     *               "kind": "balance"
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "actions": [
                     *         "move_to_private_channel",
                     *         "verify_identity"
                     *       ],
                     *       "suggestion": {
                     *         "redactedText": "Saldo Pana konta wynosi * ***,** zł.",
                     *         "privateChannelMessage": "Dzień dobry, ze względu na ochronę danych osobowych nie możemy podać tych informacji publicznie. Zapraszamy do wiadomości prywatnej – po potwierdzeniu tożsamości udzielimy pełnej odpowiedzi.",
                     *         "customerNotice": null
                     *       },
                     *       "identity": {
                     *         "status": "absent"
                     *       },
                     *       "policyVersion": "demo@3",
                     *       "audit": {
                     *         "id": "01KAB7J3M4Q9V2N8X5R6T1Y0ZC",
                     *         "seq": 1042,
                     *         "hash": "9f2c…"
                     *       },
                     *       "receipt": "eyJhbGciOiJFZERTQSIs…"
                     *     }
                     */
                    "application/json": components["schemas"]["CheckResponse"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `idempotency_conflict`: the Idempotency-Key was used for a different request */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: the body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: past the tenant's rate; wait for Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    checkBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "items": [
                 *         {
                 *           "direction": "outbound",
                 *           "text": "Saldo Pana konta wynosi 2 500,00 zł.",
                 *           "channel": {
                 *             "platform": "facebook",
                 *             "visibility": "public"
                 *           },
                 *           "customer": {
                 *             "id": "fb:123"
                 *           },
                 *           "agent": {
                 *             "id": "agent-17"
                 *           },
                 *           "thread": {
                 *             "id": "t-9",
                 *             "postId": "p-4"
                 *           },
                 *           "idempotencyKey": "reply-8812"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["BatchRequest"];
            };
        };
        responses: {
            /** @description One result per item, in order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "decision": "block",
                     *           "mode": "enforce",
                     *           "locale": "pl",
                     *           "findings": [
                     *             {
                     *               "kind": "balance",
                     *               "start": 24,
                     *               "end": 35,
                     *               "confidence": 0.9,
                     *               "masked": "* ***,** zł",
                     *               "evidence": [
                     *                 "format:amount",
                     *                 "context:balance"
                     *               ]
                     *             }
                     *           ],
                     *           "violations": [
                     *             {
                     *               "rule": "account-data-public",
                     *               "kinds": [
                     *                 "balance"
                     *               ],
                     *               "message": "Account data may be given only in a private channel after identification.",
                     *               "spans": [
                     *                 {
                     *                   "start": 24,
                     *                   "end": 35,
                     *                   "kind": "balance"
                     *                 }
                     *               ]
                     *             }
                     *           ],
                     *           "actions": [
                     *             "move_to_private_channel",
                     *             "verify_identity"
                     *           ],
                     *           "suggestion": {
                     *             "redactedText": "Saldo Pana konta wynosi * ***,** zł.",
                     *             "privateChannelMessage": "Dzień dobry, ze względu na ochronę danych osobowych nie możemy podać tych informacji publicznie. Zapraszamy do wiadomości prywatnej – po potwierdzeniu tożsamości udzielimy pełnej odpowiedzi.",
                     *             "customerNotice": null
                     *           },
                     *           "identity": {
                     *             "status": "absent"
                     *           },
                     *           "policyVersion": "demo@3",
                     *           "audit": {
                     *             "id": "01KAB7J3M4Q9V2N8X5R6T1Y0ZC",
                     *             "seq": 1042,
                     *             "hash": "9f2c…"
                     *           },
                     *           "receipt": "eyJhbGciOiJFZERTQSIs…"
                     *         },
                     *         {
                     *           "error": {
                     *             "code": "invalid_request",
                     *             "message": "channel.visibility: Invalid option: expected one of \"public\"|\"private\"",
                     *             "details": [
                     *               {
                     *                 "field": "channel.visibility",
                     *                 "message": "Invalid option"
                     *               }
                     *             ]
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["BatchResponse"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: the body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: past the tenant's rate; wait for Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policy and its version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putPolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of GET /v1/policy ("<version>"): the write is refused with 412 if another version is in force. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "mode": "monitor"
                 *     }
                 */
                "application/json": components["schemas"]["PolicyDocument"];
            };
        };
        responses: {
            /** @description The new version */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: the change conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `precondition_failed`: If-Match names a version that is no longer in force (or is malformed); read the policy again */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: the body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rollbackPolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of GET /v1/policy ("<version>"): the write is refused with 412 if another version is in force. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 1
                 *     }
                 */
                "application/json": components["schemas"]["PolicyRollback"];
            };
        };
        responses: {
            /** @description The new version */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: the change conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `precondition_failed`: If-Match names a version that is no longer in force (or is malformed); read the policy again */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: the body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    simulatePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SimulationRequest"];
            };
        };
        responses: {
            /** @description The decisions that would change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Simulation"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: the body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    validatePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "mode": "monitor"
                 *     }
                 */
                "application/json": components["schemas"]["PolicyDocument"];
            };
        };
        responses: {
            /** @description The document as it would be stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyValidation"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: the body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPolicyVersions: {
        parameters: {
            query?: {
                /** @description Only versions older than this one (the next page). */
                before?: string;
                /** @description At most this many versions, newest first (1–1000, default 100). */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersions"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPolicyVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A version number (0: the default before any was stored) */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    diffPolicyVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The version compared to */
                other: string;
                /** @description The version compared from */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyDiff"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    threadAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The thread id, as sent with the checks */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "action": "customer_contacted",
                 *       "at": "2026-11-23T10:15:00Z"
                 *     }
                 */
                "application/json": components["schemas"]["ThreadActionRequest"];
            };
        };
        responses: {
            /** @description The action as recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadAction"];
                };
            };
            /** @description `invalid_request`: the body, a parameter or a header is invalid; `details` names the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: no token, or a token that does not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: the token lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: the body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: a fault of the service; the request id identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `audit_unavailable`: the audit store cannot record or read now; nothing may be sent; retry after Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
