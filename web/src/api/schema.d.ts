// Generated from GET /api/v1/openapi.json by tools/web-api-types.ts (npm run web:types). Do not edit.

export interface paths {
    "/api/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List contacts */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                email: string | null;
                                phone: string | null;
                                company: string | null;
                                notes: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string;
                                /** Format: date-time */
                                updatedAt: string;
                                updatedBy: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /**
                 * @description - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 *     - `invalid_cursor`: the pagination cursor is not one this server issued
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_request" | "missing_field" | "unknown_field" | "invalid_field" | "invalid_cursor";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a contact */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Dana Whitfield */
                        name: string;
                        /**
                         * Format: email
                         * @example dana@example.com
                         */
                        email?: string;
                        /** @example +1 555 0100 */
                        phone?: string;
                        /** @example Whitfield Roofing */
                        company?: string;
                        /** @example Prefers calls after 4pm. */
                        notes?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            company: string | null;
                            notes: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/contacts/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a contact */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    contactId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            company: string | null;
                            notes: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a contact */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    contactId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a contact */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    contactId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Dana Whitfield */
                        name?: string;
                        email?: string | null;
                        phone?: string | null;
                        company?: string | null;
                        notes?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            company: string | null;
                            notes: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/contacts/{contactId}/sensitive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact's tax id and bank details (admins; audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    contactId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            taxId: string | null;
                            bankDetails: string | null;
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set or clear (null) a contact's tax id and bank details */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    contactId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        taxId?: string | null;
                        bankDetails?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            taxId: string | null;
                            bankDetails: string | null;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List audit events, newest first */
        get: {
            parameters: {
                query?: {
                    actor?: string;
                    /** @description an action or a prefix of one, e.g. "contact." */
                    action?: string;
                    targetType?: string;
                    targetId?: string;
                    from?: string;
                    to?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                seq: number;
                                id: string;
                                /** Format: date-time */
                                at: string;
                                actor: {
                                    type: string;
                                    id: string | null;
                                    role: string | null;
                                };
                                action: string;
                                target: {
                                    type: string;
                                    id: string;
                                } | null;
                                requestId: string | null;
                                ip: string | null;
                                userAgent: string | null;
                                before: unknown;
                                after: unknown;
                                hash: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /**
                 * @description - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 *     - `invalid_cursor`: the pagination cursor is not one this server issued
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_request" | "missing_field" | "unknown_field" | "invalid_field" | "invalid_cursor";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/audit-events/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download matching audit events in chain order (JSON lines or CSV) */
        get: {
            parameters: {
                query?: {
                    actor?: string;
                    /** @description an action or a prefix of one, e.g. "contact." */
                    action?: string;
                    targetType?: string;
                    targetId?: string;
                    from?: string;
                    to?: string;
                    format?: "jsonl" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/api/v1/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sign-in methods this server offers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            codeFlow: {
                                id: string;
                                label: string;
                                signInUrl: string;
                            }[];
                            idTokenExchange: string[];
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/auth/signin/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start a browser sign-in (redirects to the provider) */
        get: {
            parameters: {
                query?: {
                    /** @description a workspace id or slug, when the account belongs to several */
                    workspace?: string;
                    /** @description browser only: confirm the signed-in person again (prompt=login, max_age=0) to reopen sensitive routes for the same session */
                    reauth?: "1";
                    /** @description native: desktop and iOS apps (RFC 8252) */
                    client?: "browser" | "native";
                    /** @description native only: loopback or the app's custom scheme */
                    redirect_uri?: string;
                    /** @description native only: the app's PKCE S256 challenge */
                    code_challenge?: string;
                    code_challenge_method?: "S256";
                    /** @description native only: returned to the app as state */
                    app_state?: string;
                    /** @description browser only: the page to open after signing in, a path of this site */
                    return_to?: string;
                };
                header?: never;
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /**
                 * @description - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/auth/callback/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The provider sends the browser back here */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                    iss?: string;
                    error?: string;
                    error_description?: string;
                    scope?: string;
                    authuser?: string;
                    hd?: string;
                    prompt?: string;
                    session_state?: string;
                    client_info?: string;
                };
                header?: never;
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /**
                 * @description - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/auth/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a sign-in is waiting for: an invitation to answer, or a workspace to choose */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description native only: from the invitation_pending error or the code flow redirect */
                        acceptanceToken?: string;
                        /** @description native code flow only: the PKCE verifier of the sign-in */
                        codeVerifier?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description an invitation waiting for accept or decline */
                            invitation: {
                                id: string;
                                workspace: {
                                    name: string;
                                    slug: string;
                                };
                                invitedBy: {
                                    email: string | null;
                                    description: string;
                                };
                                role: string;
                                /** @description answer before this time, or sign in again */
                                expiresAt: string;
                            } | null;
                            /** @description the workspaces to choose from, when the account belongs to several */
                            workspaces: {
                                name: string;
                                slug: string;
                                signInUrl: string;
                            }[] | null;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/auth/invitations/{invitationId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation after signing in: join the workspace and start a session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    invitationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description native only: from the invitation_pending error or the code flow redirect */
                        acceptanceToken?: string;
                        /** @description native code flow only: the PKCE verifier of the sign-in */
                        codeVerifier?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            tokenType: "Bearer";
                            accessToken: string;
                            accessTokenExpiresAt: string;
                            refreshToken?: string;
                            session: {
                                id: string;
                                /** @description the absolute end of the session */
                                expiresAt: string;
                                /** @description when the session ends unless there is activity before */
                                idleExpiresAt: string;
                            };
                            tenant?: {
                                id: string;
                                name: string;
                                slug: string;
                            };
                            member?: {
                                id: string;
                                role: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/auth/invitations/{invitationId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline an invitation after signing in: it ends, audited in the workspace */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    invitationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description native only: from the invitation_pending error or the code flow redirect */
                        acceptanceToken?: string;
                        /** @description native code flow only: the PKCE verifier of the sign-in */
                        codeVerifier?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Native code flow: redeem the one-time code with the app's PKCE verifier */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        codeVerifier: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            tokenType: "Bearer";
                            accessToken: string;
                            accessTokenExpiresAt: string;
                            refreshToken?: string;
                            session: {
                                id: string;
                                /** @description the absolute end of the session */
                                expiresAt: string;
                                /** @description when the session ends unless there is activity before */
                                idleExpiresAt: string;
                            };
                            tenant?: {
                                id: string;
                                name: string;
                                slug: string;
                            };
                            member?: {
                                id: string;
                                role: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/auth/nonce": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A one-time nonce for a device ID-token sign-in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            nonce: string;
                            expiresAt: string;
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/auth/exchange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a device ID token (Apple, Google) for a session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        provider: "google" | "apple";
                        /** @example eyJ... */
                        idToken: string;
                        nonce: string;
                        /** @description a workspace id or slug, when the account belongs to several */
                        workspace?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            tokenType: "Bearer";
                            accessToken: string;
                            accessTokenExpiresAt: string;
                            refreshToken?: string;
                            session: {
                                id: string;
                                /** @description the absolute end of the session */
                                expiresAt: string;
                                /** @description when the session ends unless there is activity before */
                                idleExpiresAt: string;
                            };
                            tenant?: {
                                id: string;
                                name: string;
                                slug: string;
                            };
                            member?: {
                                id: string;
                                role: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the refresh token: a new access token and a new refresh token
         * @description Native clients send {"refreshToken"}; browsers send {} with the refresh cookie and their Origin.
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
                    "application/json": {
                        /** @description native clients only; browsers send the cookie */
                        refreshToken?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            tokenType: "Bearer";
                            accessToken: string;
                            accessTokenExpiresAt: string;
                            refreshToken?: string;
                            session: {
                                id: string;
                                /** @description the absolute end of the session */
                                expiresAt: string;
                                /** @description when the session ends unless there is activity before */
                                idleExpiresAt: string;
                            };
                            tenant?: {
                                id: string;
                                name: string;
                                slug: string;
                            };
                            member?: {
                                id: string;
                                role: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current session and when it will idle out */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description the absolute end of the session */
                            expiresAt: string;
                            /** @description when the session ends unless there is activity before */
                            idleExpiresAt: string;
                            tenantId: string;
                            /** @description the workspace this session is in, by name */
                            workspace: {
                                name: string;
                                slug: string;
                            };
                            userId: string;
                            role: string;
                            /** @description the sign-in provider; a step-up goes through GET /auth/signin/{provider}?reauth=1 */
                            provider: string;
                            /** @description sensitive actions need a step-up (a fresh sign-in) after this time, unless a sensitive action comes before */
                            reauthBy: string;
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/auth/signout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: end this session, or every session of mine in this workspace */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description true: end every session of mine in this workspace (every device), not only this one
                         * @default false
                         */
                        everywhere?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live sessions: mine, or everyone's for admins */
        get: {
            parameters: {
                query?: {
                    /** @description all: every member's sessions (admins only) */
                    scope?: "mine" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                userId: string;
                                role: string;
                                provider: string;
                                clientKind: string;
                                device: string | null;
                                ip: string | null;
                                createdAt: string;
                                lastSeenAt: string;
                                expiresAt: string;
                                current: boolean;
                            }[];
                            nextCursor: null;
                        };
                    };
                };
                /**
                 * @description - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a session (your own; admins: anyone's) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List members (active and archived) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                email: string;
                                role: "admin" | "member" | "viewer";
                                status: "active" | "archived";
                                identity: {
                                    provider: string;
                                    lastSignInAt: string | null;
                                } | null;
                                createdAt: string;
                                createdBy: string | null;
                                updatedAt: string;
                                updatedBy: string | null;
                            }[];
                            nextCursor: null;
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/members/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a member */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            role: "admin" | "member" | "viewer";
                            status: "active" | "archived";
                            identity: {
                                provider: string;
                                lastSignInAt: string | null;
                            } | null;
                            createdAt: string;
                            createdBy: string | null;
                            updatedAt: string;
                            updatedBy: string | null;
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a member and their identity binding (ends their sessions) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a member's role (ends their sessions) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        role: "admin" | "member" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            role: "admin" | "member" | "viewer";
                            status: "active" | "archived";
                            identity: {
                                provider: string;
                                lastSignInAt: string | null;
                            } | null;
                            createdAt: string;
                            createdBy: string | null;
                            updatedAt: string;
                            updatedBy: string | null;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/members/{memberId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a member: no access, identity kept for a later re-invite */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            role: "admin" | "member" | "viewer";
                            status: "active" | "archived";
                            identity: {
                                provider: string;
                                lastSignInAt: string | null;
                            } | null;
                            createdAt: string;
                            createdBy: string | null;
                            updatedAt: string;
                            updatedBy: string | null;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/members/{memberId}/reset-identity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forget which sign-in account the member is bound to */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            role: "admin" | "member" | "viewer";
                            status: "active" | "archived";
                            identity: {
                                provider: string;
                                lastSignInAt: string | null;
                            } | null;
                            createdAt: string;
                            createdBy: string | null;
                            updatedAt: string;
                            updatedBy: string | null;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending invitations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                email: string;
                                role: "admin" | "member" | "viewer";
                                createdAt: string;
                                createdBy: string;
                                expiresAt: string;
                            }[];
                            nextCursor: null;
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Invite an email with a role */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        role: "admin" | "member" | "viewer";
                        /** @default 7 */
                        expiresInDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            role: "admin" | "member" | "viewer";
                            createdAt: string;
                            createdBy: string;
                            expiresAt: string;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a pending invitation */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    invitationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who may sign in: null admits any invited, verified account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedOrganizations: string[] | null;
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Restrict sign-in to organisations (an empty list is refused; null lifts the restriction) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        allowedOrganizations: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedOrganizations: string[] | null;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/vault/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Workspace secrets: names, fingerprints and dates, never values */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                name: string;
                                fingerprint: string;
                                /** @description the last four characters of a value of at least 16 characters; null for shorter values */
                                last4: string | null;
                                createdAt: string;
                                createdBy: string;
                                updatedAt: string;
                                updatedBy: string;
                            }[];
                            nextCursor: null;
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Store a new secret */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example smtp.password */
                        name: string;
                        /** @description the secret; never returned */
                        value: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            fingerprint: string;
                            /** @description the last four characters of a value of at least 16 characters; null for shorter values */
                            last4: string | null;
                            createdAt: string;
                            createdBy: string;
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/vault/secrets/{secretName}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a secret's value */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    secretName: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the secret; never returned */
                        value: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            fingerprint: string;
                            /** @description the last four characters of a value of at least 16 characters; null for shorter values */
                            last4: string | null;
                            createdAt: string;
                            createdBy: string;
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a secret */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    secretName: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace/deletion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete this workspace: refused at once, purged with all its data and keys after the grace period */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the workspace name, exactly as shown */
                        confirm: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "deleted";
                            deletedAt: string;
                            purgeAfter: string;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Download the complete workspace as one archive (sensitive fields decrypted; secret values never) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description a gzip'd tar: manifest.json, members.json, workspace.json, files/ */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's integrations (never their tokens) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                provider: "google" | "microsoft";
                                accountEmail: string;
                                scopes: string[];
                                status: "active" | "needs_reconnect";
                                connectedBy: string;
                                connectedAt: string;
                                accessTokenExpiresAt: string;
                            }[];
                            nextCursor: null;
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/integrations/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The providers this server can connect, and the scopes each is asked for */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: "google" | "microsoft";
                                label: string;
                                scopes: string[];
                            }[];
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/integrations/{integrationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One integration */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    integrationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            provider: "google" | "microsoft";
                            accountEmail: string;
                            scopes: string[];
                            status: "active" | "needs_reconnect";
                            connectedBy: string;
                            connectedAt: string;
                            accessTokenExpiresAt: string;
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Disconnect: revoke at the provider where it can, delete the tokens and the integration */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    integrationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/connect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start connecting a provider account: returns the authorization URL to open */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        provider: "google" | "microsoft";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            provider: "google" | "microsoft";
                            /** @description open this in the admin's browser (the same browser that made this request) */
                            authorizationUrl: string;
                            expiresAt: string;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/integrations/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The provider sends the admin's browser back here */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                    iss?: string;
                    error?: string;
                    error_description?: string;
                    scope?: string;
                    authuser?: string;
                    hd?: string;
                    prompt?: string;
                    session_state?: string;
                    client_info?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /**
                 * @description - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/webhooks/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inbound webhook endpoints (never their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                provider: "generic" | "stripe";
                                description: string | null;
                                url: string;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string;
                                /** Format: date-time */
                                updatedAt: string;
                                updatedBy: string;
                            }[];
                            nextCursor: null;
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an inbound endpoint; a generic one answers with its generated secret, once */
        post: {
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
                     *       "provider": "generic",
                     *       "description": "Payment notifications"
                     *     }
                     */
                    "application/json": {
                        provider: "generic" | "stripe";
                        /** @example Payments from Stripe */
                        description?: string;
                        /** @description stripe only: the endpoint's signing secret from the Stripe dashboard (whsec_…); generic endpoints get a generated one */
                        secret?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            provider: "generic" | "stripe";
                            description: string | null;
                            url: string;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                            secret?: string;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/webhooks/endpoints/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an endpoint and its secret (received deliveries are kept) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outbound subscriptions (never their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                url: string;
                                eventTypes: string[];
                                description: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string;
                                /** Format: date-time */
                                updatedAt: string;
                                updatedBy: string;
                            }[];
                            nextCursor: null;
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Send events of these types to a URL; answers with the signing secret, once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example https://hooks.example.com/spinney */
                        url: string;
                        eventTypes: ("contact.created" | "contact.updated" | "contact.deleted" | "member.invited" | "member.joined" | "member.role_changed" | "member.archived" | "member.removed" | "invitation.revoked" | "lead.created" | "lead.stage_changed" | "lead.won" | "lead.lost")[];
                        /** @example Payments from Stripe */
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            eventTypes: string[];
                            description: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                            secret: string;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/webhooks/subscriptions/{subscriptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a subscription and its secret; undelivered events are cancelled */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    subscriptionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 *     - `reauth_required`: this action needs a recent sign-in
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired" | "reauth_required";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/subscriptions/{subscriptionId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delivery log, newest first: state and every attempt with status, duration and error */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    subscriptionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                eventId: string;
                                eventType: string;
                                state: "pending" | "sending" | "delivered" | "failed" | "cancelled";
                                nextAttemptAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                completedAt: string | null;
                                attempts: {
                                    attempt: number;
                                    /** Format: date-time */
                                    startedAt: string;
                                    durationMs: number;
                                    status: number | null;
                                    error: string | null;
                                }[];
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /**
                 * @description - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 *     - `invalid_cursor`: the pagination cursor is not one this server issued
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_request" | "missing_field" | "unknown_field" | "invalid_field" | "invalid_cursor";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/hooks/{credential}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive a signed webhook (generic or Stripe scheme, by endpoint); any verification failure is 401 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    credential: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            received: true;
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/pipelines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List pipelines with their stages */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                position: number;
                                stages: {
                                    id: string;
                                    pipelineId: string;
                                    name: string;
                                    kind: "open" | "won" | "lost";
                                    position: number;
                                    /** Format: date-time */
                                    createdAt: string;
                                    createdBy: string;
                                    /** Format: date-time */
                                    updatedAt: string;
                                    updatedBy: string;
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string;
                                /** Format: date-time */
                                updatedAt: string;
                                updatedBy: string;
                            }[];
                            nextCursor: null;
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a pipeline (default stages unless given) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Residential */
                        name: string;
                        stages?: {
                            /** @example Site visit */
                            name: string;
                            kind: "open" | "won" | "lost";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            position: number;
                            stages: {
                                id: string;
                                pipelineId: string;
                                name: string;
                                kind: "open" | "won" | "lost";
                                position: number;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string;
                                /** Format: date-time */
                                updatedAt: string;
                                updatedBy: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/pipelines/{pipelineId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a pipeline */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    pipelineId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            position: number;
                            stages: {
                                id: string;
                                pipelineId: string;
                                name: string;
                                kind: "open" | "won" | "lost";
                                position: number;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string;
                                /** Format: date-time */
                                updatedAt: string;
                                updatedBy: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a pipeline that holds no leads */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    pipelineId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename or reorder a pipeline */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    pipelineId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Residential */
                        name?: string;
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            position: number;
                            stages: {
                                id: string;
                                pipelineId: string;
                                name: string;
                                kind: "open" | "won" | "lost";
                                position: number;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string;
                                /** Format: date-time */
                                updatedAt: string;
                                updatedBy: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/pipelines/{pipelineId}/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pipeline's board: per stage its leads in order, count and totals per currency */
        get: {
            parameters: {
                query?: {
                    perStage?: number;
                };
                header?: never;
                path: {
                    pipelineId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pipeline: {
                                id: string;
                                name: string;
                                position: number;
                                stages: {
                                    id: string;
                                    pipelineId: string;
                                    name: string;
                                    kind: "open" | "won" | "lost";
                                    position: number;
                                    /** Format: date-time */
                                    createdAt: string;
                                    createdBy: string;
                                    /** Format: date-time */
                                    updatedAt: string;
                                    updatedBy: string;
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string;
                                /** Format: date-time */
                                updatedAt: string;
                                updatedBy: string;
                            };
                            columns: {
                                stage: {
                                    id: string;
                                    pipelineId: string;
                                    name: string;
                                    kind: "open" | "won" | "lost";
                                    position: number;
                                    /** Format: date-time */
                                    createdAt: string;
                                    createdBy: string;
                                    /** Format: date-time */
                                    updatedAt: string;
                                    updatedBy: string;
                                };
                                count: number;
                                totals: {
                                    currency: string;
                                    /** @description the sum in minor units, as decimal digits (exact beyond 2^53) */
                                    valueMinor: string;
                                }[];
                                leads: {
                                    id: string;
                                    title: string;
                                    contactId: string;
                                    ownerId: string | null;
                                    valueMinor: number;
                                    currency: string;
                                    pipelineId: string;
                                    stageId: string;
                                    position: number;
                                    version: number;
                                    expectedCloseDate: string | null;
                                    nextAction: {
                                        text: string;
                                        date: string;
                                    } | null;
                                    siteAddress: string | null;
                                    notes: string | null;
                                    tags: string[];
                                    lostReason: string | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                    createdBy: string;
                                    /** Format: date-time */
                                    updatedAt: string;
                                    updatedBy: string;
                                }[];
                            }[];
                        };
                    };
                };
                /**
                 * @description - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/pipelines/{pipelineId}/stages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a stage */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    pipelineId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Site visit */
                        name: string;
                        kind: "open" | "won" | "lost";
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            pipelineId: string;
                            name: string;
                            kind: "open" | "won" | "lost";
                            position: number;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/pipeline-stages/{stageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a stage that holds no leads (409 stage_in_use otherwise) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    stageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename, re-kind or reorder a stage */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    stageId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Site visit */
                        name?: string;
                        kind?: "open" | "won" | "lost";
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            pipelineId: string;
                            name: string;
                            kind: "open" | "won" | "lost";
                            position: number;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List leads (filters, sorting, cursor paging) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    q?: string;
                    ownerId?: string;
                    stageId?: string;
                    pipelineId?: string;
                    /** @example roofing */
                    tag?: string;
                    /** @example 2027-03-01 */
                    nextActionDue?: string;
                    sort?: "position" | "created" | "-created" | "updated" | "-updated" | "title" | "-title" | "expectedClose" | "-expectedClose" | "nextAction" | "-nextAction";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                contactId: string;
                                ownerId: string | null;
                                valueMinor: number;
                                currency: string;
                                pipelineId: string;
                                stageId: string;
                                position: number;
                                version: number;
                                expectedCloseDate: string | null;
                                nextAction: {
                                    text: string;
                                    date: string;
                                } | null;
                                siteAddress: string | null;
                                notes: string | null;
                                tags: string[];
                                lostReason: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string;
                                /** Format: date-time */
                                updatedAt: string;
                                updatedBy: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /**
                 * @description - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 *     - `invalid_cursor`: the pagination cursor is not one this server issued
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_request" | "missing_field" | "unknown_field" | "invalid_field" | "invalid_cursor";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a lead */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Roof replacement, 12 Elm St */
                        title: string;
                        contactId: string;
                        ownerId?: string | null;
                        /** @example 250000 */
                        valueMinor?: number;
                        /** @example USD */
                        currency: string;
                        stageId?: string;
                        expectedCloseDate?: string | null;
                        nextAction?: {
                            /** @example Call about the roof */
                            text: string;
                            /** @example 2027-03-01 */
                            date: string;
                        } | null;
                        siteAddress?: string | null;
                        notes?: string | null;
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            contactId: string;
                            ownerId: string | null;
                            valueMinor: number;
                            currency: string;
                            pipelineId: string;
                            stageId: string;
                            position: number;
                            version: number;
                            expectedCloseDate: string | null;
                            nextAction: {
                                text: string;
                                date: string;
                            } | null;
                            siteAddress: string | null;
                            notes: string | null;
                            tags: string[];
                            lostReason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/leads/{leadId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a lead */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    leadId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            contactId: string;
                            ownerId: string | null;
                            valueMinor: number;
                            currency: string;
                            pipelineId: string;
                            stageId: string;
                            position: number;
                            version: number;
                            expectedCloseDate: string | null;
                            nextAction: {
                                text: string;
                                date: string;
                            } | null;
                            siteAddress: string | null;
                            notes: string | null;
                            tags: string[];
                            lostReason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a lead */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    leadId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a lead (its stage changes by a move) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    leadId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Roof replacement, 12 Elm St */
                        title?: string;
                        contactId?: string;
                        ownerId?: string | null;
                        /** @example 250000 */
                        valueMinor?: number;
                        /** @example USD */
                        currency?: string;
                        expectedCloseDate?: string | null;
                        nextAction?: {
                            /** @example Call about the roof */
                            text: string;
                            /** @example 2027-03-01 */
                            date: string;
                        } | null;
                        siteAddress?: string | null;
                        notes?: string | null;
                        tags?: string[];
                        lostReason?: string | null;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            contactId: string;
                            ownerId: string | null;
                            valueMinor: number;
                            currency: string;
                            pipelineId: string;
                            stageId: string;
                            position: number;
                            version: number;
                            expectedCloseDate: string | null;
                            nextAction: {
                                text: string;
                                date: string;
                            } | null;
                            siteAddress: string | null;
                            notes: string | null;
                            tags: string[];
                            lostReason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/leads/{leadId}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a lead to a stage and position of its pipeline */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    leadId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        stageId: string;
                        /** @example 0 */
                        position: number;
                        /** @example 1 */
                        version: number;
                        lostReason?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            contactId: string;
                            ownerId: string | null;
                            valueMinor: number;
                            currency: string;
                            pipelineId: string;
                            stageId: string;
                            position: number;
                            version: number;
                            expectedCloseDate: string | null;
                            nextAction: {
                                text: string;
                                date: string;
                            } | null;
                            siteAddress: string | null;
                            notes: string | null;
                            tags: string[];
                            lostReason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/leads/{leadId}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a note to a lead */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    leadId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Measured the roof: 140 m2. */
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** Format: date-time */
                            at: string;
                            by: string;
                            leadId: string | null;
                            /** @enum {string} */
                            kind: "stage_change";
                            fromStageId: string | null;
                            fromStageName: string | null;
                            toStageId: string;
                            toStageName: string | null;
                        } | {
                            id: string;
                            /** Format: date-time */
                            at: string;
                            by: string;
                            leadId: string | null;
                            /** @enum {string} */
                            kind: "note";
                            body: string;
                        };
                    };
                };
                /**
                 * @description - `invalid_json`: the body is not valid JSON, is empty while declared JSON, or holds JSON the server cannot store
                 *     - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_json" | "invalid_request" | "missing_field" | "unknown_field" | "invalid_field";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 *     - `read_only_session`: a support session is read-only: it can only read (GET), never change anything
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended" | "read_only_session";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `payload_too_large`: the body is larger than the server accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "payload_too_large";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `unsupported_media_type`: the body is not uncompressed UTF-8 JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unsupported_media_type";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/leads/{leadId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A lead's activity, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    leadId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                id: string;
                                /** Format: date-time */
                                at: string;
                                by: string;
                                leadId: string | null;
                                /** @enum {string} */
                                kind: "stage_change";
                                fromStageId: string | null;
                                fromStageName: string | null;
                                toStageId: string;
                                toStageName: string | null;
                            } | {
                                id: string;
                                /** Format: date-time */
                                at: string;
                                by: string;
                                leadId: string | null;
                                /** @enum {string} */
                                kind: "note";
                                body: string;
                            })[];
                            nextCursor: string | null;
                        };
                    };
                };
                /**
                 * @description - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 *     - `invalid_cursor`: the pagination cursor is not one this server issued
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_request" | "missing_field" | "unknown_field" | "invalid_field" | "invalid_cursor";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
    "/api/v1/contacts/{contactId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact's activity across its leads, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    contactId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                id: string;
                                /** Format: date-time */
                                at: string;
                                by: string;
                                leadId: string | null;
                                /** @enum {string} */
                                kind: "stage_change";
                                fromStageId: string | null;
                                fromStageName: string | null;
                                toStageId: string;
                                toStageName: string | null;
                            } | {
                                id: string;
                                /** Format: date-time */
                                at: string;
                                by: string;
                                leadId: string | null;
                                /** @enum {string} */
                                kind: "note";
                                body: string;
                            })[];
                            nextCursor: string | null;
                        };
                    };
                };
                /**
                 * @description - `invalid_request`: the request as a whole is invalid (a parameter combination, a body of the wrong type)
                 *     - `missing_field`: a required field is absent; `field` names it
                 *     - `unknown_field`: the body or query names a field this route does not take; `field` names it
                 *     - `invalid_field`: a field has a value of the wrong type, format or range; `field` names it
                 *     - `invalid_cursor`: the pagination cursor is not one this server issued
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "invalid_request" | "missing_field" | "unknown_field" | "invalid_field" | "invalid_cursor";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `unauthenticated`: no credentials were sent
                 *     - `invalid_token`: the access token is malformed, forged, revoked, or its workspace does not exist
                 *     - `token_expired`: the access token has expired; refresh it
                 *     - `session_ended`: the session was signed out or revoked; sign in again
                 *     - `session_expired`: the session passed its idle or absolute lifetime; sign in again
                 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "unauthenticated" | "invalid_token" | "token_expired" | "session_ended" | "session_expired";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `forbidden`: the role of this token does not hold the permission the route needs
                 *     - `tenant_suspended`: the workspace is suspended by an operator
                 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "forbidden" | "tenant_suspended";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `not_found`: no such route or record in this workspace (a malformed id is one that does not exist) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "not_found";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `rate_limited`: too many requests from this client; retry after the time given */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "rate_limited";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description - `internal_error`: an unexpected failure; the server log has the details */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "internal_error";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /**
                 * @description - `tenant_unavailable`: the workspace's database is temporarily unavailable (e.g. a restore is under way)
                 *     - `storage_unavailable`: the server cannot store data right now (disk full or read-only); nothing was written
                 */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "tenant_unavailable" | "storage_unavailable";
                                message: string;
                                field?: string;
                                workspaces?: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                }[];
                                invitation?: {
                                    id: string;
                                    workspace: {
                                        name: string;
                                        slug: string;
                                    };
                                    invitedBy: {
                                        email: string | null;
                                        description: string;
                                    };
                                    role: string;
                                    expiresAt: string;
                                };
                                acceptanceToken?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
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
        Error: {
            error: {
                code: string;
                message: string;
                field?: string;
                workspaces?: {
                    id: string;
                    name: string;
                    slug: string;
                }[];
                invitation?: {
                    id: string;
                    workspace: {
                        name: string;
                        slug: string;
                    };
                    invitedBy: {
                        email: string | null;
                        description: string;
                    };
                    role: string;
                    expiresAt: string;
                };
                acceptanceToken?: string;
            };
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
