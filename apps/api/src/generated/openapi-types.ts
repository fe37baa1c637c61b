/**
 * generated — do not edit. TypeScript types of the smtp-doctor REST API, made by openapi-typescript
 * from /openapi.json. Regenerate: npm run openapi-types -w @smtp-doctor/api
 */
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/diagnose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Diagnose from facts
         * @description Findings for device settings, tenant facts, observed error text/symptoms and probe results.
         */
        post: operations["diagnose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Explain error text
         * @description Findings for an SMTP reply, a transcript, a device log or an NDR.
         */
        post: operations["explain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/classify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Classify device settings
         * @description Which option (SMTP AUTH, Direct Send, relay) the settings are for, or what mixes them.
         */
        post: operations["classify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/advise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Advise an option
         * @description The options ranked for what the device and its owner need, with reasons and a settings card.
         */
        post: operations["advise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/probe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Probe an endpoint, then diagnose
         * @description Connects to an allowed endpoint (Microsoft 365 by default; `SMTP_DOCTOR_PROBE_ALLOW` adds `host[:port]`), runs DNS, TCP, banner, EHLO, STARTTLS/TLS, AUTH, MAIL FROM and RCPT TO (no DATA), and diagnoses the result. Refused targets get 403 `SD_API_PROBE_TARGET_DENIED`. Rate-limited per client.
         */
        post: operations["probe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List rules
         * @description Every rule in one language; filter by `option` or enhanced status `code`.
         */
        get: operations["listRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One rule
         * @description A rule’s whole text in one language, its sources, related rules and docs path.
         */
        get: operations["getRule"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a domain's DNS, then diagnose
         * @description MX (is the domain on Microsoft 365, and the exact endpoint DNS names), SPF (the verdict for `ip` when given; lookups and void lookups against the limits of 10 and 2, `spf.protection.outlook.com` with or without it), DMARC policy, the Microsoft 365 DKIM selectors and block-list listings of `ip`. Queries go only to the resolver the server is configured with (`SMTP_DOCTOR_RESOLVER`). Rate-limited per client like `/v1/probe`.
         */
        post: operations["checkDns"];
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
        DiagnoseRequestInput: {
            /** @description Device settings, tenant, what was observed, probe results — any subset. */
            facts: {
                /** @description What is typed into the device. */
                settings?: {
                    /** @description SMTP server / smart host as entered on the device. */
                    host: string;
                    /** @description TCP port as entered on the device. */
                    port: number;
                    /**
                     * @description TLS mode as entered on the device.
                     * @enum {string}
                     */
                    tls: "none" | "starttls" | "implicit";
                    /** @description Sign-in name, if one is entered. */
                    username?: string;
                    /** @description For `classify`/`diagnose`: whether a password was entered (`true`/`false`). For `probe`: the secret itself. Never logged, echoed or stored. */
                    password?: boolean | string;
                    /** @description OAuth 2.0 access token for XOAUTH2 (probe only). Never logged, echoed or stored. */
                    accessToken?: string;
                    /**
                     * @description Which AUTH mechanism to use; `auto` picks XOAUTH2 with a token, else PLAIN or LOGIN as offered.
                     * @enum {string}
                     */
                    authMethod?: "auto" | "plain" | "login" | "xoauth2";
                    /** @description The sender (From / MAIL FROM) address the device uses. */
                    from?: string;
                    /** @description Recipient addresses the device sends to. */
                    recipients?: string[];
                    /**
                     * @description What the tenant's connector recognises the device by, if known.
                     * @enum {string}
                     */
                    connector?: "none" | "ip" | "certificate" | "unknown";
                    /**
                     * @description Highest TLS version the device (firmware) can speak, if known.
                     * @enum {string}
                     */
                    maxTlsVersion?: "TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3";
                    /** @description Public IP address the device's mail leaves the network from, if known. */
                    sourceIp?: string;
                    /** @description Whether that public IP is static. */
                    staticIp?: boolean;
                    /** @description Longest server name the device's settings field accepts, if it is limited. */
                    hostFieldMaxLength?: number;
                };
                /** @description What is known about the Microsoft 365 tenant. */
                tenant?: {
                    /** @description The tenant (directory) id, a GUID: what an access token's `tid` must be for this tenant. */
                    tenantId?: string;
                    /** @description The organisation's primary domain, e.g. `contoso.com`. */
                    domain?: string;
                    /** @description The tenant's MX endpoint, e.g. `contoso-com.mail.protection.outlook.com`. */
                    mxEndpoint?: string;
                    /** @description Accepted domains of the tenant (recipients elsewhere are external). */
                    acceptedDomains?: string[];
                    /** @description The inbound connector for mail from the organisation's own servers/devices (SMTP relay), if any. */
                    inboundConnector?: {
                        /** @description The connector's name, as Get-InboundConnector shows it (fills the commands). */
                        name?: string;
                        /**
                         * @description What the connector recognises the sender by.
                         * @enum {string}
                         */
                        matchesOn: "ip" | "certificate";
                        /** @description Sender IP addresses on the connector (when it matches on IP). */
                        senderIps?: string[];
                        /** @description Certificate subject/SAN domain on the connector (when it matches on certificate). */
                        certificateDomain?: string;
                    };
                    /** @description The domain's SPF TXT record as published. */
                    spfRecord?: string;
                    /** @description Organisation setting `RejectDirectSend` (Set-OrganizationConfig). */
                    rejectDirectSend?: boolean;
                    /** @description `Set-TransportConfig -SmtpClientAuthenticationDisabled`: SMTP AUTH off for the whole tenant. */
                    smtpAuthDisabledForTenant?: boolean;
                    /** @description Basic authentication for SMTP AUTH client submission is off (retirement, or the admin's choice). */
                    basicAuthSmtpDisabled?: boolean;
                    /** @description `Set-TransportConfig -AllowLegacyTLSClients`. */
                    allowLegacyTlsClients?: boolean;
                    /** @description Microsoft Entra security defaults are on. */
                    securityDefaults?: boolean;
                    /** @description A Conditional Access policy blocks legacy authentication for the device's account. */
                    conditionalAccessBlocksLegacyAuth?: boolean;
                    /** @description Sign-in is federated to customer-hosted servers (AD FS / STS). */
                    federated?: boolean;
                    /** @description The mailbox the device signs in with. */
                    mailbox?: {
                        /** @description `Set-CASMailbox -SmtpClientAuthenticationDisabled` (null: follows the tenant setting). */
                        smtpAuthDisabled?: boolean | null;
                        /** @description Per-user MFA is on for the account. */
                        mfaEnabled?: boolean;
                        /** @description The account is on the Restricted users (outbound spam) list. */
                        restricted?: boolean;
                        /** @description The account has Send As on the device's from-address. */
                        sendAsGranted?: boolean;
                    };
                };
                /** @description What was seen: error text and symptoms. */
                observed?: {
                    /** @description A reply, a transcript, a whole device log or an NDR; English or Czech. */
                    errorText?: string;
                    /** @description Symptoms from the fixed vocabulary. */
                    symptoms?: ("not-sending" | "stopped-working" | "external-recipients-not-receiving" | "marked-as-junk" | "authentication-error" | "host-too-long-for-field" | "no-credentials-field" | "cannot-connect" | "tls-error" | "network-changed")[];
                };
                /** @description What the probes measured. */
                probe?: {
                    /** @description What was dialled. */
                    target?: {
                        /** @description Host name or address dialled. */
                        host: string;
                        /** @description Port dialled. */
                        port: number;
                        /**
                         * @description TLS mode used.
                         * @enum {string}
                         */
                        tls: "none" | "starttls" | "implicit";
                    };
                    /** @description Name resolution of the target host. */
                    dns?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /** @description The addresses the name resolved to. */
                        addresses?: string[];
                    };
                    /** @description TCP connect. */
                    tcp?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /** @description The address connected to. */
                        address?: string;
                    };
                    /** @description The 220 greeting. */
                    banner?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                    };
                    /** @description EHLO before TLS (or the only EHLO on implicit TLS / no TLS). */
                    ehlo?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /** @description The EHLO lines after the greeting. */
                        capabilities?: string[];
                        /** @description STARTTLS is offered. */
                        starttls?: boolean;
                        /** @description AUTH mechanisms offered, e.g. `LOGIN`, `XOAUTH2`. */
                        authMechanisms?: string[];
                        /** @description Largest message size the server announces (SIZE), bytes. */
                        size?: number;
                    };
                    /** @description The STARTTLS command. */
                    starttls?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /** @description The server offered STARTTLS in EHLO. */
                        offered?: boolean;
                    };
                    /** @description The TLS session (STARTTLS or implicit). */
                    tls?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /**
                         * @description The negotiated TLS version.
                         * @enum {string}
                         */
                        protocol?: "TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3";
                        /** @description The negotiated cipher suite. */
                        cipher?: string;
                        /** @description The server certificate. */
                        certificate?: {
                            /** @description The certificate's subject, e.g. `CN=outlook.com`. */
                            subject?: string;
                            /** @description The DNS names the certificate covers. */
                            subjectAltNames?: string[];
                            /** @description Who issued the certificate. */
                            issuer?: string;
                            /** @description Start of validity, as the certificate states it. */
                            validFrom?: string;
                            /** @description End of validity, as the certificate states it. */
                            validTo?: string;
                            /** @description Chain verified against the system trust store. An untrusted certificate is recorded, never fatal. */
                            trusted?: boolean;
                            /** @description Node's reason when it is not trusted, e.g. `SELF_SIGNED_CERT_IN_CHAIN`. */
                            authorizationError?: string;
                            /** @description The certificate's names cover the host that was dialled. */
                            hostnameMatches?: boolean;
                        };
                    };
                    /** @description EHLO after TLS. */
                    ehloTls?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /** @description The EHLO lines after the greeting. */
                        capabilities?: string[];
                        /** @description AUTH mechanisms offered inside TLS. */
                        authMechanisms?: string[];
                    };
                    /** @description Which TLS versions the endpoint accepts (null: not tested or inconclusive). */
                    tlsVersions?: {
                        [key: string]: boolean | null;
                    };
                    /** @description AUTH with the given credentials. */
                    auth?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /** @description AUTH was sent (credentials were given and a mechanism was offered). */
                        attempted: boolean;
                        /** @description The mechanism used: `PLAIN`, `LOGIN` or `XOAUTH2`. */
                        mechanism?: string;
                    };
                    /** @description MAIL FROM. */
                    mailFrom?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /** @description The sender address given. */
                        address?: string;
                    };
                    /** @description RCPT TO, one per recipient. */
                    rcpt?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /** @description The recipient address given. */
                        address: string;
                    }[];
                    /** @description DATA, only when a test message was asked for. */
                    data?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                    };
                    /** @description The reply that ended the session (the last non-2xx/3xx reply, else the last reply). */
                    lastReply?: {
                        /** @description Basic reply code, e.g. 535. */
                        code: number;
                        /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                        enhanced?: string;
                        /** @description The reply text after the codes, lines joined by a space. */
                        text: string;
                    };
                    /** @description The first step that failed without an SMTP reply (DNS, TCP, timeout, reset, TLS, garbage, AUTH not offered…). A command the server refused with a reply (535, 550…) is not an error here: it shows as that step's `ok: false` + `reply`, and in `lastReply`. */
                    error?: {
                        /**
                         * @description The step that failed.
                         * @enum {string}
                         */
                        stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                        /**
                         * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                         * @enum {string}
                         */
                        code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                        /** @description What happened, in English, for people (the code is for programs). */
                        message: string;
                    };
                    /** @description The domain's MX records. */
                    mx?: {
                        /** @description The domain looked up. */
                        domain: string;
                        /** @description The MX records, as published. */
                        hosts: {
                            /** @description The mail server name. */
                            exchange: string;
                            /** @description MX preference: lower is preferred. */
                            priority: number;
                        }[];
                        /** @description The preferred MX is a Microsoft 365 endpoint (`*.mail.protection.outlook.com` or `*.mx.microsoft`). */
                        isMicrosoft365: boolean;
                        /** @description The preferred (lowest-priority) exchange, lower case, no trailing dot. */
                        preferred?: string;
                        /** @description The Microsoft 365 endpoint direct send and relay connect to, exactly as DNS names it (the preferred MX when it is Microsoft 365, else the first Microsoft 365 host listed). */
                        endpoint?: string;
                        /**
                         * @description Which form `endpoint` has: the classic `*.mail.protection.outlook.com` or the DNSSEC `*.mx.microsoft`.
                         * @enum {string}
                         */
                        endpointKind?: "mail.protection.outlook.com" | "mx.microsoft";
                        /** @description How long the look-up took, milliseconds. */
                        ms?: number;
                        /** @description Why the look-up failed, when it did. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                    };
                    /** @description SPF evaluation of the domain for the sending IP (or, without one, the audit of its record). */
                    spf?: {
                        /** @description The domain whose SPF record was evaluated. */
                        domain: string;
                        /** @description The sending IP it was evaluated for; absent when only the record was audited (no IP given). */
                        ip?: string;
                        /**
                         * @description The SPF verdict (RFC 7208) for `ip`; absent without an IP — the record is then audited (lookups, includes, Microsoft 365) without a verdict.
                         * @enum {string}
                         */
                        result?: "pass" | "fail" | "softfail" | "neutral" | "none" | "permerror" | "temperror";
                        /** @description The SPF record as published. */
                        record?: string;
                        /** @description DNS-querying terms (include, a, mx, ptr, exists, redirect) in the whole record, following every include and redirect (RFC 7208 §4.6.4 limit: 10). Independent of the IP. */
                        lookups?: number;
                        /** @description `lookups` counts only what was walked before an include loop or the depth limit cut the tree. */
                        lookupsAtLeast?: boolean;
                        /** @description An include or redirect leads back to a domain already on its path. */
                        includeLoop?: boolean;
                        /** @description Lookups in the whole record that returned no data or NXDOMAIN (limit: 2). Independent of the IP. */
                        voidLookups?: number;
                        /** @description Lookup count per include / redirect. */
                        includes?: {
                            /** @description The included or redirected domain. */
                            domain: string;
                            /** @description DNS-querying terms inside it, its nested includes counted. */
                            lookups: number;
                            /** @description Void lookups (no data, NXDOMAIN) inside this include, its own TXT look-up counted. */
                            voidLookups?: number;
                            /**
                             * @description `include:` or `redirect=`.
                             * @enum {string}
                             */
                            kind?: "include" | "redirect";
                            /** @description The domain whose record names this one. */
                            via?: string;
                        }[];
                        /** @description The record covers Microsoft 365 (`include:spf.protection.outlook.com`). */
                        includesMicrosoft365?: boolean;
                        /** @description `lookups` is over the RFC 7208 limit of 10: receivers that walk the whole record answer permerror. */
                        overLookupLimit?: boolean;
                        /** @description `voidLookups` is over the RFC 7208 limit of 2. */
                        overVoidLimit?: boolean;
                        /** @description Lookups the evaluation for this IP made before it reached its verdict (it stops at the first match). */
                        evaluatedLookups?: number;
                        /** @description Void lookups the evaluation for this IP met. */
                        evaluatedVoidLookups?: number;
                        /**
                         * @description Why DNS failed, when it did (temperror).
                         * @enum {string}
                         */
                        errorCode?: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                        /** @description How long the evaluation took, milliseconds. */
                        ms?: number;
                        /** @description What went wrong, when the evaluation failed. */
                        error?: string;
                    };
                    /** @description The DMARC record of the from-address's domain. */
                    dmarc?: {
                        /** @description The domain looked up. */
                        domain: string;
                        /** @description A `v=DMARC1` record was found. false with no `error`: the domain publishes none. */
                        found: boolean;
                        /** @description The name the record was read from (`_dmarc.<domain>` or the organisational domain's). */
                        name?: string;
                        /** @description The DMARC record as published. */
                        record?: string;
                        /**
                         * @description What receivers do with this domain's mail that fails DMARC: `p=`, or `sp=` when the record is inherited from the organisational domain and has one.
                         * @enum {string}
                         */
                        policy?: "none" | "quarantine" | "reject";
                        /**
                         * @description `sp=`: the policy for subdomains, when the record names one.
                         * @enum {string}
                         */
                        subdomainPolicy?: "none" | "quarantine" | "reject";
                        /** @description `pct=` (default 100). */
                        pct?: number;
                        /**
                         * @description `adkim=`: DKIM alignment, relaxed (`r`, default) or strict (`s`).
                         * @enum {string}
                         */
                        adkim?: "r" | "s";
                        /**
                         * @description `aspf=`: SPF alignment, relaxed (`r`, default) or strict (`s`).
                         * @enum {string}
                         */
                        aspf?: "r" | "s";
                        /** @description More than one DMARC record: receivers ignore them all (RFC 7489 §6.6.3). */
                        multiple?: boolean;
                        /** @description The record is there but has no valid `p=` tag (receivers treat it as absent). */
                        invalid?: boolean;
                        /** @description How long the look-up took, milliseconds. */
                        ms?: number;
                        /** @description Why the look-up failed, when it did. */
                        error?: {
                            /**
                             * @description Why the check failed: `DNS_NOT_FOUND`, `DNS_SERVFAIL` or `DNS_TIMEOUT`.
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT";
                            /** @description A short message naming the query. */
                            message: string;
                        };
                    };
                    /** @description The Microsoft 365 DKIM selectors of the domain. */
                    dkim?: {
                        /** @description The domain whose selectors were looked up. */
                        domain: string;
                        /** @description The selectors looked up (`selector1`, `selector2`). */
                        selectors: {
                            /** @description The selector name, e.g. `selector1`. */
                            selector: string;
                            /** @description The name that was asked, `<selector>._domainkey.<domain>`. */
                            name: string;
                            /** @description The CNAME target, lower case, no trailing dot. */
                            cname?: string;
                            /** @description The CNAME points at a Microsoft 365 DKIM key name. */
                            microsoft365: boolean;
                            /** @description A TXT record with a DKIM key (`p=`) answers at the name (through the CNAME). */
                            keyPublished?: boolean;
                            /** @description Why the look-up failed, when it did. */
                            error?: {
                                /**
                                 * @description Why the check failed: `DNS_NOT_FOUND`, `DNS_SERVFAIL` or `DNS_TIMEOUT`.
                                 * @enum {string}
                                 */
                                code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT";
                                /** @description A short message naming the query. */
                                message: string;
                            };
                        }[];
                        /** @description Both Microsoft 365 selectors are CNAMEs to Microsoft 365 key names. */
                        microsoft365Ready: boolean;
                        /** @description Some selector could not be looked up (then `microsoft365Ready: false` proves nothing). */
                        lookupFailed?: boolean;
                        /** @description How long the look-ups took (in parallel), milliseconds. */
                        ms?: number;
                    };
                    /** @description DNS block list look-ups of the sending IP. */
                    dnsbl?: {
                        /** @description The IP address looked up. */
                        ip: string;
                        /** @description The block list zones asked. */
                        checked: string[];
                        /** @description Zones that list the IP. */
                        listed: {
                            /** @description The zone that lists the IP. */
                            zone: string;
                            /** @description The answer addresses (127.0.0.x), which say why. */
                            codes: string[];
                            /** @description The zone's TXT explanation, when it has one. */
                            text?: string;
                        }[];
                        /** @description Zones that did not answer usably. */
                        errors?: {
                            /** @description The zone that could not be asked. */
                            zone: string;
                            /** @description What went wrong. */
                            message: string;
                            /**
                             * @description DNS_TIMEOUT, DNS_SERVFAIL…; absent when the list answered something unusable.
                             * @enum {string}
                             */
                            code?: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                        }[];
                        /** @description How long the look-ups took (zones in parallel), milliseconds. */
                        ms?: number;
                    };
                };
                /** @description The claims of the OAuth access token used for XOAUTH2, decoded locally (never the token). */
                token?: {
                    /** @description Audience: the resource the token is for; Exchange Online is `https://outlook.office365.com`. */
                    aud?: string;
                    /** @description Issuer, e.g. `https://sts.windows.net/<tenant-id>/` (v1) or `https://login.microsoftonline.com/<tenant-id>/v2.0`. */
                    iss?: string;
                    /** @description Tenant (directory) id the token was issued in. */
                    tid?: string;
                    /** @description Client (application) id of the app that requested the token (v1 tokens). */
                    appid?: string;
                    /** @description Client (application) id of the app that requested the token (v2 tokens). */
                    azp?: string;
                    /** @description `app` for an app-only token (client credentials); `user` for a delegated one. */
                    idtyp?: string;
                    /** @description Application permissions granted to the app, e.g. `SMTP.SendAsApp`. */
                    roles?: string[];
                    /** @description Delegated permissions (the `scp` claim, split at spaces), e.g. `SMTP.Send`. */
                    scp?: string[];
                    /** @description Expiry (NumericDate). */
                    exp?: number;
                    /** @description Not valid before (NumericDate). */
                    nbf?: number;
                    /** @description Issued at (NumericDate). */
                    iat?: number;
                    /** @description Sign-in name of the user (delegated tokens). */
                    upn?: string;
                    /** @description Sign-in name of the user, older form (v1 tokens). */
                    unique_name?: string;
                    /** @description Sign-in name of the user (v2 tokens). */
                    preferred_username?: string;
                    /** @description Object id of the signed-in user, or of the app's service principal for an app-only token. */
                    oid?: string;
                    /** @description Token format version, `1.0` or `2.0`. */
                    ver?: string;
                    /** @description When the claims were judged (NumericDate), set by whoever decoded the token. Expiry and not-before are only judged against it; without it they are not judged. */
                    checkedAt?: number;
                };
            };
            /**
             * @description Language of the findings: `cs` or `en` (default `en`).
             * @default en
             * @enum {string}
             */
            lang: "cs" | "en";
        };
        ExplainRequestInput: {
            /** @description An SMTP reply, a transcript, a whole device log or an NDR (English or Czech). */
            text: string;
            /**
             * @description Language of the findings: `cs` or `en` (default `en`).
             * @default en
             * @enum {string}
             */
            lang: "cs" | "en";
        };
        ClassifyRequestInput: {
            /** @description What is typed into the device; `password` is a boolean here. */
            settings: {
                /** @description SMTP server / smart host as entered on the device. */
                host: string;
                /** @description TCP port as entered on the device (default: 25 for a tenant MX endpoint, else 587). */
                port?: number;
                /**
                 * @description TLS mode as entered on the device (default: implicit on port 465, else starttls).
                 * @enum {string}
                 */
                tls?: "none" | "starttls" | "implicit";
                /** @description Sign-in name, if one is entered. */
                username?: string;
                /** @description For `classify`/`diagnose`: whether a password was entered (`true`/`false`). For `probe`: the secret itself. Never logged, echoed or stored. */
                password?: boolean | string;
                /** @description OAuth 2.0 access token for XOAUTH2 (probe only). Never logged, echoed or stored. */
                accessToken?: string;
                /**
                 * @description Which AUTH mechanism to use; `auto` picks XOAUTH2 with a token, else PLAIN or LOGIN as offered.
                 * @enum {string}
                 */
                authMethod?: "auto" | "plain" | "login" | "xoauth2";
                /** @description The sender (From / MAIL FROM) address the device uses. */
                from?: string;
                /** @description Recipient addresses the device sends to. */
                recipients?: string[];
                /**
                 * @description What the tenant's connector recognises the device by, if known.
                 * @enum {string}
                 */
                connector?: "none" | "ip" | "certificate" | "unknown";
                /**
                 * @description Highest TLS version the device (firmware) can speak, if known.
                 * @enum {string}
                 */
                maxTlsVersion?: "TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3";
                /** @description Public IP address the device's mail leaves the network from, if known. */
                sourceIp?: string;
                /** @description Whether that public IP is static. */
                staticIp?: boolean;
                /** @description Longest server name the device's settings field accepts, if it is limited. */
                hostFieldMaxLength?: number;
            };
            /**
             * @description Language of the findings: `cs` or `en` (default `en`).
             * @default en
             * @enum {string}
             */
            lang: "cs" | "en";
        };
        AdviseRequestInput: {
            /** @description What the device and its owner need; leave out what is not known. */
            needs: {
                /** @description Mail must reach recipients outside the organisation. */
                externalRecipients?: boolean;
                /** @description The device has fields for a username and password. */
                canAuthenticate?: boolean;
                /** @description The device or app can sign in with OAuth 2.0 (XOAUTH2). */
                oauth?: boolean;
                /**
                 * @description How it gets its OAuth token: as an app of its own (`client-credentials`: tenant, client id, secret or certificate) or only by a user signing in (`delegated`).
                 * @enum {string}
                 */
                oauthFlow?: "client-credentials" | "delegated";
                /** @description Highest TLS version the device speaks. */
                maxTlsVersion?: ("TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3") | "none";
                /** @description The site has a static public IP address. */
                staticIp?: boolean;
                /** @description The device sends as several from-addresses. */
                sendsAsManyAddresses?: boolean;
                /** @description The app is hosted by a third party (cloud service, hosting provider). */
                thirdPartyHosted?: boolean;
                /** @description Port 25 outbound is open from the site. */
                port25Open?: boolean;
                /** @description Messages per day, roughly. */
                dailyVolume?: number;
                /** @description Longest server name the device's field accepts. */
                hostFieldMaxLength?: number;
                /** @description The tenant's domain, to fill in the settings card (MX endpoint). */
                domain?: string;
            };
            /**
             * @description Language of the findings: `cs` or `en` (default `en`).
             * @default en
             * @enum {string}
             */
            lang: "cs" | "en";
        };
        ProbeRequestInput: {
            /** @description The endpoint and the device settings; `password`/`accessToken` are the secrets themselves (never logged or echoed). */
            settings: {
                /** @description SMTP server / smart host as entered on the device. */
                host: string;
                /** @description TCP port as entered on the device (default: 25 for a tenant MX endpoint, else 587). */
                port?: number;
                /**
                 * @description TLS mode as entered on the device (default: implicit on port 465, else starttls).
                 * @enum {string}
                 */
                tls?: "none" | "starttls" | "implicit";
                /** @description Sign-in name, if one is entered. */
                username?: string;
                /** @description For `classify`/`diagnose`: whether a password was entered (`true`/`false`). For `probe`: the secret itself. Never logged, echoed or stored. */
                password?: boolean | string;
                /** @description OAuth 2.0 access token for XOAUTH2 (probe only). Never logged, echoed or stored. */
                accessToken?: string;
                /**
                 * @description Which AUTH mechanism to use; `auto` picks XOAUTH2 with a token, else PLAIN or LOGIN as offered.
                 * @enum {string}
                 */
                authMethod?: "auto" | "plain" | "login" | "xoauth2";
                /** @description The sender (From / MAIL FROM) address the device uses. */
                from?: string;
                /** @description Recipient addresses the device sends to. */
                recipients?: string[];
                /**
                 * @description What the tenant's connector recognises the device by, if known.
                 * @enum {string}
                 */
                connector?: "none" | "ip" | "certificate" | "unknown";
                /**
                 * @description Highest TLS version the device (firmware) can speak, if known.
                 * @enum {string}
                 */
                maxTlsVersion?: "TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3";
                /** @description Public IP address the device's mail leaves the network from, if known. */
                sourceIp?: string;
                /** @description Whether that public IP is static. */
                staticIp?: boolean;
                /** @description Longest server name the device's settings field accepts, if it is limited. */
                hostFieldMaxLength?: number;
            };
            /** @description Budget for the whole probe in ms (default 15000, as the CLI's --timeout). */
            timeoutMs?: number;
            /** @description Also test which of TLS 1.0–1.3 the endpoint accepts (one connection per version, in parallel, to the same allowed target); answered in `probe.tlsVersions`. */
            tlsMatrix?: boolean;
            /**
             * @description Language of the findings: `cs` or `en` (default `en`).
             * @default en
             * @enum {string}
             */
            lang: "cs" | "en";
        };
        SourceInput: {
            /** @description Title of the Microsoft article (or other source). */
            title: string;
            /** @description Its address. */
            url: string;
            /** @description The section the rule comes from. */
            section?: string;
            /** @description When the source was published or last checked (YYYY-MM-DD). */
            date?: string;
        };
        FindingInput: {
            /** @description Stable rule id (also the docs slug). */
            id: string;
            /**
             * @description The sending option the finding is about (`any`: whatever the option).
             * @enum {string}
             */
            option: "smtp-auth" | "direct-send" | "relay" | "any";
            /**
             * @description `error`: this stops mail; `warning`: a risk or likely cause; `info`: worth knowing.
             * @enum {string}
             */
            severity: "error" | "warning" | "info";
            /** @description Enhanced status codes, e.g. `5.7.60`. */
            codes: string[];
            /** @description What is wrong, in one line. */
            title: string;
            /** @description What the person sees. */
            symptom?: string;
            /** @description Why it happens (markdown). */
            cause: string;
            /** @description What to do, in order (markdown). */
            steps: string[];
            /** @description PowerShell commands, filled in from the input where it names the mailbox, address, IP or domain. */
            commands: string[];
            /** @description Risks of the fix. */
            warnings?: string[];
            /** @description Where the rule comes from, with dates. */
            sources: components["schemas"]["SourceInput"][];
            /** @description Ids of related rules. */
            related?: string[];
            /** @description Path of the rule’s page on the docs site, e.g. `/en/rules/<id>/`. */
            docs: string;
            /**
             * @description Present when the finding answers only a bare enhanced code that several findings share (no readable reply text): its `symptom` says what its whole reply looks like, which tells it from the others.
             * @constant
             */
            match?: "code";
        } & {
            [key: string]: unknown;
        };
        FindingsInput: {
            /** @description Findings, most relevant first (empty: nothing known is wrong). */
            findings: components["schemas"]["FindingInput"][];
        } & {
            [key: string]: unknown;
        };
        SettingsDescriptionInput: {
            /**
             * @description The option the settings are for.
             * @enum {string}
             */
            option: "smtp-auth" | "direct-send" | "relay" | "unknown";
            /** @description Server name as entered. */
            host: string;
            /** @description Port as entered. */
            port: number;
            /**
             * @description TLS mode as entered.
             * @enum {string}
             */
            tls: "none" | "starttls" | "implicit";
            /**
             * @description How the device signs in: password, OAuth (XOAUTH2), a username without a password, or not at all.
             * @enum {string}
             */
            signIn: "password" | "oauth" | "username-only" | "none";
            /** @description The sign-in name, when one is entered. */
            username?: string;
            /** @description One line in the request language: option — host:port, TLS mode, sign-in. */
            text: string;
        };
        ClassificationInput: {
            /**
             * @description The option the settings are for; `unknown` when they mix them.
             * @enum {string}
             */
            option: "smtp-auth" | "direct-send" | "relay" | "unknown";
            /** @description The settings, described from what the engine classified. */
            description: components["schemas"]["SettingsDescriptionInput"];
            /** @description Findings, most relevant first (empty: nothing known is wrong). */
            findings: components["schemas"]["FindingInput"][];
        } & {
            [key: string]: unknown;
        };
        AdviceInput: {
            /** @description Every option, best first, each with its reasons for and against and the settings card to type in. */
            options: {
                [key: string]: unknown;
            }[];
        } & {
            [key: string]: unknown;
        };
        ProbeResultInput: {
            /** @description Findings, most relevant first (empty: nothing known is wrong). */
            findings: components["schemas"]["FindingInput"][];
            /** @description `facts.probe` as measured (see the ProbeFacts schema in core). */
            probe?: {
                [key: string]: unknown;
            };
            /** @description The SMTP conversation, secrets shown as `****`. */
            transcript: string[];
            /** @description Each step in order, with its timing. */
            steps: {
                /** @description The step: dns, tcp, banner, ehlo, starttls, tls, ehlo-tls, auth, mail, rcpt. */
                stage: string;
                /** @description How long it took, milliseconds. */
                ms: number;
                /** @description It succeeded. */
                ok: boolean;
            }[];
        };
        RuleSummaryInput: {
            /** @description Stable rule id (also the docs slug). */
            id: string;
            /** @description The sending options the rule is about. */
            options: string[];
            /**
             * @description `error`: this stops mail; `warning`: a risk or likely cause; `info`: worth knowing.
             * @enum {string}
             */
            severity: "error" | "warning" | "info";
            /** @description Enhanced status codes the rule answers. */
            codes: string[];
            /** @description Phrase ids (reply texts) the rule answers. */
            phrases: string[];
            /** @description Symptom ids the rule answers. */
            symptoms: string[];
            /** @description What is wrong, in one line. */
            title: string;
            /** @description What the person sees. */
            symptom: string;
            /** @description Path of the rule’s page on the docs site. */
            docs: string;
        };
        RuleListInput: {
            /** @description The rules, in id order. */
            rules: components["schemas"]["RuleSummaryInput"][];
        };
        RuleInput: {
            /** @description Stable rule id (also the docs slug). */
            id: string;
            /** @description The sending options the rule is about. */
            options: string[];
            /**
             * @description `error`: this stops mail; `warning`: a risk or likely cause; `info`: worth knowing.
             * @enum {string}
             */
            severity: "error" | "warning" | "info";
            /** @description Enhanced status codes the rule answers. */
            codes: string[];
            /** @description Phrase ids (reply texts) the rule answers. */
            phrases: string[];
            /** @description Symptom ids the rule answers. */
            symptoms: string[];
            /** @description What is wrong, in one line. */
            title: string;
            /** @description What the person sees. */
            symptom: string;
            /** @description Path of the rule’s page on the docs site. */
            docs: string;
            /** @description Why it happens (markdown). */
            cause: string;
            /** @description What to do, in order (markdown). */
            steps: string[];
            /** @description PowerShell commands with the contoso example values (a diagnosis fills in the input’s own). */
            commands: string[];
            /** @description Risks of the fix. */
            warnings: string[];
            /** @description Where the rule comes from, with dates. */
            sources: components["schemas"]["SourceInput"][];
            /** @description Ids of related rules. */
            related: string[];
        };
        HealthInput: {
            /**
             * @description Always `ok` when the server answers.
             * @constant
             */
            status: "ok";
            /** @description Number of rules loaded. */
            rules: number;
        };
        ProblemInput: {
            /** @description Stable problem type (a tag URI). */
            type: string;
            /** @description Short summary of the problem type. */
            title: string;
            /** @description The HTTP status code. */
            status: number;
            /** @description What went wrong with this request. */
            detail: string;
            /** @description The request path. */
            instance: string;
            /** @description Stable code, e.g. `SD_API_VALIDATION`. */
            code: string;
            /** @description The request id the logs carry; quote it when reporting a problem. */
            requestId: string;
            /** @description Validation issues: zod paths into the body or query. */
            errors?: {
                /** @description Where in the body or query, as a path. */
                path: (string | number)[];
                /** @description What is wrong there. */
                message: string;
            }[];
        };
        /**
         * @example {
         *       "domain": "contoso.com",
         *       "ip": "203.0.113.7",
         *       "lang": "en"
         *     }
         * @example {
         *       "domain": "contoso.com",
         *       "from": "scanner@contoso.com",
         *       "ip": "203.0.113.7",
         *       "dnsbl": [
         *         "zen.spamhaus.org"
         *       ],
         *       "lang": "cs"
         *     }
         */
        DnsRequestInput: {
            /** @description The organisation's domain: MX, and SPF/DMARC/DKIM unless `from` names another. */
            domain: string;
            /** @description The public IP the device sends from: SPF verdict and block-list look-ups. */
            ip?: string;
            /** @description The device's from-address: SPF, DMARC and DKIM are checked for its domain. */
            from?: string;
            /** @description Block list zones to look the IP up in (default: zen.spamhaus.org, bl.spamcop.net, b.barracudacentral.org). */
            dnsbl?: string[];
            /** @description Deadline of each check in ms (default 5000); the checks run in parallel. */
            timeoutMs?: number;
            /**
             * @description Language of the findings: `cs` or `en` (default `en`).
             * @default en
             * @enum {string}
             */
            lang: "cs" | "en";
        };
        /**
         * @example {
         *       "findings": [
         *         {
         *           "id": "spf-fail-sending-ip",
         *           "option": "direct-send",
         *           "severity": "error",
         *           "codes": [
         *             "5.7.23"
         *           ]
         *         }
         *       ],
         *       "dns": {
         *         "mx": {
         *           "domain": "contoso.com",
         *           "isMicrosoft365": true,
         *           "endpoint": "contoso-com.mail.protection.outlook.com"
         *         },
         *         "spf": {
         *           "domain": "contoso.com",
         *           "ip": "203.0.113.7",
         *           "result": "fail",
         *           "lookups": 1,
         *           "voidLookups": 0
         *         },
         *         "dmarc": {
         *           "domain": "contoso.com",
         *           "found": true,
         *           "policy": "reject"
         *         }
         *       }
         *     }
         */
        DnsResultInput: {
            /** @description Findings for what the DNS checks measured, most relevant first (each with its rule `id` and `docs`). */
            findings: components["schemas"]["FindingInput"][];
            /** @description What the checks measured: `mx`, `spf`, `dmarc`, `dkim`, `dnsbl` — the DNS parts of the probe facts (core’s ProbeFacts). */
            dns: {
                /** @description The domain's MX records. */
                mx?: {
                    /** @description The domain looked up. */
                    domain: string;
                    /** @description The MX records, as published. */
                    hosts: {
                        /** @description The mail server name. */
                        exchange: string;
                        /** @description MX preference: lower is preferred. */
                        priority: number;
                    }[];
                    /** @description The preferred MX is a Microsoft 365 endpoint (`*.mail.protection.outlook.com` or `*.mx.microsoft`). */
                    isMicrosoft365: boolean;
                    /** @description The preferred (lowest-priority) exchange, lower case, no trailing dot. */
                    preferred?: string;
                    /** @description The Microsoft 365 endpoint direct send and relay connect to, exactly as DNS names it (the preferred MX when it is Microsoft 365, else the first Microsoft 365 host listed). */
                    endpoint?: string;
                    /**
                     * @description Which form `endpoint` has: the classic `*.mail.protection.outlook.com` or the DNSSEC `*.mx.microsoft`.
                     * @enum {string}
                     */
                    endpointKind?: "mail.protection.outlook.com" | "mx.microsoft";
                    /** @description How long the look-up took, milliseconds. */
                    ms?: number;
                    /** @description Why the look-up failed, when it did. */
                    error?: {
                        /**
                         * @description The step that failed.
                         * @enum {string}
                         */
                        stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                        /**
                         * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                         * @enum {string}
                         */
                        code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                        /** @description What happened, in English, for people (the code is for programs). */
                        message: string;
                    };
                };
                /** @description SPF evaluation of the domain for the sending IP (or, without one, the audit of its record). */
                spf?: {
                    /** @description The domain whose SPF record was evaluated. */
                    domain: string;
                    /** @description The sending IP it was evaluated for; absent when only the record was audited (no IP given). */
                    ip?: string;
                    /**
                     * @description The SPF verdict (RFC 7208) for `ip`; absent without an IP — the record is then audited (lookups, includes, Microsoft 365) without a verdict.
                     * @enum {string}
                     */
                    result?: "pass" | "fail" | "softfail" | "neutral" | "none" | "permerror" | "temperror";
                    /** @description The SPF record as published. */
                    record?: string;
                    /** @description DNS-querying terms (include, a, mx, ptr, exists, redirect) in the whole record, following every include and redirect (RFC 7208 §4.6.4 limit: 10). Independent of the IP. */
                    lookups?: number;
                    /** @description `lookups` counts only what was walked before an include loop or the depth limit cut the tree. */
                    lookupsAtLeast?: boolean;
                    /** @description An include or redirect leads back to a domain already on its path. */
                    includeLoop?: boolean;
                    /** @description Lookups in the whole record that returned no data or NXDOMAIN (limit: 2). Independent of the IP. */
                    voidLookups?: number;
                    /** @description Lookup count per include / redirect. */
                    includes?: {
                        /** @description The included or redirected domain. */
                        domain: string;
                        /** @description DNS-querying terms inside it, its nested includes counted. */
                        lookups: number;
                        /** @description Void lookups (no data, NXDOMAIN) inside this include, its own TXT look-up counted. */
                        voidLookups?: number;
                        /**
                         * @description `include:` or `redirect=`.
                         * @enum {string}
                         */
                        kind?: "include" | "redirect";
                        /** @description The domain whose record names this one. */
                        via?: string;
                    }[];
                    /** @description The record covers Microsoft 365 (`include:spf.protection.outlook.com`). */
                    includesMicrosoft365?: boolean;
                    /** @description `lookups` is over the RFC 7208 limit of 10: receivers that walk the whole record answer permerror. */
                    overLookupLimit?: boolean;
                    /** @description `voidLookups` is over the RFC 7208 limit of 2. */
                    overVoidLimit?: boolean;
                    /** @description Lookups the evaluation for this IP made before it reached its verdict (it stops at the first match). */
                    evaluatedLookups?: number;
                    /** @description Void lookups the evaluation for this IP met. */
                    evaluatedVoidLookups?: number;
                    /**
                     * @description Why DNS failed, when it did (temperror).
                     * @enum {string}
                     */
                    errorCode?: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                    /** @description How long the evaluation took, milliseconds. */
                    ms?: number;
                    /** @description What went wrong, when the evaluation failed. */
                    error?: string;
                };
                /** @description The DMARC record of the from-address's domain. */
                dmarc?: {
                    /** @description The domain looked up. */
                    domain: string;
                    /** @description A `v=DMARC1` record was found. false with no `error`: the domain publishes none. */
                    found: boolean;
                    /** @description The name the record was read from (`_dmarc.<domain>` or the organisational domain's). */
                    name?: string;
                    /** @description The DMARC record as published. */
                    record?: string;
                    /**
                     * @description What receivers do with this domain's mail that fails DMARC: `p=`, or `sp=` when the record is inherited from the organisational domain and has one.
                     * @enum {string}
                     */
                    policy?: "none" | "quarantine" | "reject";
                    /**
                     * @description `sp=`: the policy for subdomains, when the record names one.
                     * @enum {string}
                     */
                    subdomainPolicy?: "none" | "quarantine" | "reject";
                    /** @description `pct=` (default 100). */
                    pct?: number;
                    /**
                     * @description `adkim=`: DKIM alignment, relaxed (`r`, default) or strict (`s`).
                     * @enum {string}
                     */
                    adkim?: "r" | "s";
                    /**
                     * @description `aspf=`: SPF alignment, relaxed (`r`, default) or strict (`s`).
                     * @enum {string}
                     */
                    aspf?: "r" | "s";
                    /** @description More than one DMARC record: receivers ignore them all (RFC 7489 §6.6.3). */
                    multiple?: boolean;
                    /** @description The record is there but has no valid `p=` tag (receivers treat it as absent). */
                    invalid?: boolean;
                    /** @description How long the look-up took, milliseconds. */
                    ms?: number;
                    /** @description Why the look-up failed, when it did. */
                    error?: {
                        /**
                         * @description Why the check failed: `DNS_NOT_FOUND`, `DNS_SERVFAIL` or `DNS_TIMEOUT`.
                         * @enum {string}
                         */
                        code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT";
                        /** @description A short message naming the query. */
                        message: string;
                    };
                };
                /** @description The Microsoft 365 DKIM selectors of the domain. */
                dkim?: {
                    /** @description The domain whose selectors were looked up. */
                    domain: string;
                    /** @description The selectors looked up (`selector1`, `selector2`). */
                    selectors: {
                        /** @description The selector name, e.g. `selector1`. */
                        selector: string;
                        /** @description The name that was asked, `<selector>._domainkey.<domain>`. */
                        name: string;
                        /** @description The CNAME target, lower case, no trailing dot. */
                        cname?: string;
                        /** @description The CNAME points at a Microsoft 365 DKIM key name. */
                        microsoft365: boolean;
                        /** @description A TXT record with a DKIM key (`p=`) answers at the name (through the CNAME). */
                        keyPublished?: boolean;
                        /** @description Why the look-up failed, when it did. */
                        error?: {
                            /**
                             * @description Why the check failed: `DNS_NOT_FOUND`, `DNS_SERVFAIL` or `DNS_TIMEOUT`.
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT";
                            /** @description A short message naming the query. */
                            message: string;
                        };
                    }[];
                    /** @description Both Microsoft 365 selectors are CNAMEs to Microsoft 365 key names. */
                    microsoft365Ready: boolean;
                    /** @description Some selector could not be looked up (then `microsoft365Ready: false` proves nothing). */
                    lookupFailed?: boolean;
                    /** @description How long the look-ups took (in parallel), milliseconds. */
                    ms?: number;
                };
                /** @description DNS block list look-ups of the sending IP. */
                dnsbl?: {
                    /** @description The IP address looked up. */
                    ip: string;
                    /** @description The block list zones asked. */
                    checked: string[];
                    /** @description Zones that list the IP. */
                    listed: {
                        /** @description The zone that lists the IP. */
                        zone: string;
                        /** @description The answer addresses (127.0.0.x), which say why. */
                        codes: string[];
                        /** @description The zone's TXT explanation, when it has one. */
                        text?: string;
                    }[];
                    /** @description Zones that did not answer usably. */
                    errors?: {
                        /** @description The zone that could not be asked. */
                        zone: string;
                        /** @description What went wrong. */
                        message: string;
                        /**
                         * @description DNS_TIMEOUT, DNS_SERVFAIL…; absent when the list answered something unusable.
                         * @enum {string}
                         */
                        code?: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                    }[];
                    /** @description How long the look-ups took (zones in parallel), milliseconds. */
                    ms?: number;
                };
            };
        };
        DiagnoseRequest: {
            /** @description Device settings, tenant, what was observed, probe results — any subset. */
            facts: {
                /** @description What is typed into the device. */
                settings?: {
                    /** @description SMTP server / smart host as entered on the device. */
                    host: string;
                    /** @description TCP port as entered on the device. */
                    port: number;
                    /**
                     * @description TLS mode as entered on the device.
                     * @enum {string}
                     */
                    tls: "none" | "starttls" | "implicit";
                    /** @description Sign-in name, if one is entered. */
                    username?: string;
                    /** @description For `classify`/`diagnose`: whether a password was entered (`true`/`false`). For `probe`: the secret itself. Never logged, echoed or stored. */
                    password?: boolean | string;
                    /** @description OAuth 2.0 access token for XOAUTH2 (probe only). Never logged, echoed or stored. */
                    accessToken?: string;
                    /**
                     * @description Which AUTH mechanism to use; `auto` picks XOAUTH2 with a token, else PLAIN or LOGIN as offered.
                     * @enum {string}
                     */
                    authMethod?: "auto" | "plain" | "login" | "xoauth2";
                    /** @description The sender (From / MAIL FROM) address the device uses. */
                    from?: string;
                    /** @description Recipient addresses the device sends to. */
                    recipients?: string[];
                    /**
                     * @description What the tenant's connector recognises the device by, if known.
                     * @enum {string}
                     */
                    connector?: "none" | "ip" | "certificate" | "unknown";
                    /**
                     * @description Highest TLS version the device (firmware) can speak, if known.
                     * @enum {string}
                     */
                    maxTlsVersion?: "TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3";
                    /** @description Public IP address the device's mail leaves the network from, if known. */
                    sourceIp?: string;
                    /** @description Whether that public IP is static. */
                    staticIp?: boolean;
                    /** @description Longest server name the device's settings field accepts, if it is limited. */
                    hostFieldMaxLength?: number;
                };
                /** @description What is known about the Microsoft 365 tenant. */
                tenant?: {
                    /** @description The tenant (directory) id, a GUID: what an access token's `tid` must be for this tenant. */
                    tenantId?: string;
                    /** @description The organisation's primary domain, e.g. `contoso.com`. */
                    domain?: string;
                    /** @description The tenant's MX endpoint, e.g. `contoso-com.mail.protection.outlook.com`. */
                    mxEndpoint?: string;
                    /** @description Accepted domains of the tenant (recipients elsewhere are external). */
                    acceptedDomains?: string[];
                    /** @description The inbound connector for mail from the organisation's own servers/devices (SMTP relay), if any. */
                    inboundConnector?: {
                        /** @description The connector's name, as Get-InboundConnector shows it (fills the commands). */
                        name?: string;
                        /**
                         * @description What the connector recognises the sender by.
                         * @enum {string}
                         */
                        matchesOn: "ip" | "certificate";
                        /** @description Sender IP addresses on the connector (when it matches on IP). */
                        senderIps?: string[];
                        /** @description Certificate subject/SAN domain on the connector (when it matches on certificate). */
                        certificateDomain?: string;
                    };
                    /** @description The domain's SPF TXT record as published. */
                    spfRecord?: string;
                    /** @description Organisation setting `RejectDirectSend` (Set-OrganizationConfig). */
                    rejectDirectSend?: boolean;
                    /** @description `Set-TransportConfig -SmtpClientAuthenticationDisabled`: SMTP AUTH off for the whole tenant. */
                    smtpAuthDisabledForTenant?: boolean;
                    /** @description Basic authentication for SMTP AUTH client submission is off (retirement, or the admin's choice). */
                    basicAuthSmtpDisabled?: boolean;
                    /** @description `Set-TransportConfig -AllowLegacyTLSClients`. */
                    allowLegacyTlsClients?: boolean;
                    /** @description Microsoft Entra security defaults are on. */
                    securityDefaults?: boolean;
                    /** @description A Conditional Access policy blocks legacy authentication for the device's account. */
                    conditionalAccessBlocksLegacyAuth?: boolean;
                    /** @description Sign-in is federated to customer-hosted servers (AD FS / STS). */
                    federated?: boolean;
                    /** @description The mailbox the device signs in with. */
                    mailbox?: {
                        /** @description `Set-CASMailbox -SmtpClientAuthenticationDisabled` (null: follows the tenant setting). */
                        smtpAuthDisabled?: boolean | null;
                        /** @description Per-user MFA is on for the account. */
                        mfaEnabled?: boolean;
                        /** @description The account is on the Restricted users (outbound spam) list. */
                        restricted?: boolean;
                        /** @description The account has Send As on the device's from-address. */
                        sendAsGranted?: boolean;
                    };
                };
                /** @description What was seen: error text and symptoms. */
                observed?: {
                    /** @description A reply, a transcript, a whole device log or an NDR; English or Czech. */
                    errorText?: string;
                    /** @description Symptoms from the fixed vocabulary. */
                    symptoms?: ("not-sending" | "stopped-working" | "external-recipients-not-receiving" | "marked-as-junk" | "authentication-error" | "host-too-long-for-field" | "no-credentials-field" | "cannot-connect" | "tls-error" | "network-changed")[];
                };
                /** @description What the probes measured. */
                probe?: {
                    /** @description What was dialled. */
                    target?: {
                        /** @description Host name or address dialled. */
                        host: string;
                        /** @description Port dialled. */
                        port: number;
                        /**
                         * @description TLS mode used.
                         * @enum {string}
                         */
                        tls: "none" | "starttls" | "implicit";
                    };
                    /** @description Name resolution of the target host. */
                    dns?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /** @description The addresses the name resolved to. */
                        addresses?: string[];
                    };
                    /** @description TCP connect. */
                    tcp?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /** @description The address connected to. */
                        address?: string;
                    };
                    /** @description The 220 greeting. */
                    banner?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                    };
                    /** @description EHLO before TLS (or the only EHLO on implicit TLS / no TLS). */
                    ehlo?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /** @description The EHLO lines after the greeting. */
                        capabilities?: string[];
                        /** @description STARTTLS is offered. */
                        starttls?: boolean;
                        /** @description AUTH mechanisms offered, e.g. `LOGIN`, `XOAUTH2`. */
                        authMechanisms?: string[];
                        /** @description Largest message size the server announces (SIZE), bytes. */
                        size?: number;
                    };
                    /** @description The STARTTLS command. */
                    starttls?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /** @description The server offered STARTTLS in EHLO. */
                        offered?: boolean;
                    };
                    /** @description The TLS session (STARTTLS or implicit). */
                    tls?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /**
                         * @description The negotiated TLS version.
                         * @enum {string}
                         */
                        protocol?: "TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3";
                        /** @description The negotiated cipher suite. */
                        cipher?: string;
                        /** @description The server certificate. */
                        certificate?: {
                            /** @description The certificate's subject, e.g. `CN=outlook.com`. */
                            subject?: string;
                            /** @description The DNS names the certificate covers. */
                            subjectAltNames?: string[];
                            /** @description Who issued the certificate. */
                            issuer?: string;
                            /** @description Start of validity, as the certificate states it. */
                            validFrom?: string;
                            /** @description End of validity, as the certificate states it. */
                            validTo?: string;
                            /** @description Chain verified against the system trust store. An untrusted certificate is recorded, never fatal. */
                            trusted?: boolean;
                            /** @description Node's reason when it is not trusted, e.g. `SELF_SIGNED_CERT_IN_CHAIN`. */
                            authorizationError?: string;
                            /** @description The certificate's names cover the host that was dialled. */
                            hostnameMatches?: boolean;
                        };
                    };
                    /** @description EHLO after TLS. */
                    ehloTls?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /** @description The EHLO lines after the greeting. */
                        capabilities?: string[];
                        /** @description AUTH mechanisms offered inside TLS. */
                        authMechanisms?: string[];
                    };
                    /** @description Which TLS versions the endpoint accepts (null: not tested or inconclusive). */
                    tlsVersions?: {
                        [key: string]: boolean | null;
                    };
                    /** @description AUTH with the given credentials. */
                    auth?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /** @description AUTH was sent (credentials were given and a mechanism was offered). */
                        attempted: boolean;
                        /** @description The mechanism used: `PLAIN`, `LOGIN` or `XOAUTH2`. */
                        mechanism?: string;
                    };
                    /** @description MAIL FROM. */
                    mailFrom?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /** @description The sender address given. */
                        address?: string;
                    };
                    /** @description RCPT TO, one per recipient. */
                    rcpt?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                        /** @description The recipient address given. */
                        address: string;
                    }[];
                    /** @description DATA, only when a test message was asked for. */
                    data?: {
                        /** @description The step succeeded. */
                        ok: boolean;
                        /** @description How long the step took, milliseconds. */
                        ms?: number;
                        /** @description The server's reply to the step, when it sent one. */
                        reply?: {
                            /** @description Basic reply code, e.g. 535. */
                            code: number;
                            /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                            enhanced?: string;
                            /** @description The reply text after the codes, lines joined by a space. */
                            text: string;
                        };
                        /** @description Why the step failed without a usable reply. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                    };
                    /** @description The reply that ended the session (the last non-2xx/3xx reply, else the last reply). */
                    lastReply?: {
                        /** @description Basic reply code, e.g. 535. */
                        code: number;
                        /** @description Enhanced status code (RFC 3463), e.g. `5.7.3`. */
                        enhanced?: string;
                        /** @description The reply text after the codes, lines joined by a space. */
                        text: string;
                    };
                    /** @description The first step that failed without an SMTP reply (DNS, TCP, timeout, reset, TLS, garbage, AUTH not offered…). A command the server refused with a reply (535, 550…) is not an error here: it shows as that step's `ok: false` + `reply`, and in `lastReply`. */
                    error?: {
                        /**
                         * @description The step that failed.
                         * @enum {string}
                         */
                        stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                        /**
                         * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                         * @enum {string}
                         */
                        code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                        /** @description What happened, in English, for people (the code is for programs). */
                        message: string;
                    };
                    /** @description The domain's MX records. */
                    mx?: {
                        /** @description The domain looked up. */
                        domain: string;
                        /** @description The MX records, as published. */
                        hosts: {
                            /** @description The mail server name. */
                            exchange: string;
                            /** @description MX preference: lower is preferred. */
                            priority: number;
                        }[];
                        /** @description The preferred MX is a Microsoft 365 endpoint (`*.mail.protection.outlook.com` or `*.mx.microsoft`). */
                        isMicrosoft365: boolean;
                        /** @description The preferred (lowest-priority) exchange, lower case, no trailing dot. */
                        preferred?: string;
                        /** @description The Microsoft 365 endpoint direct send and relay connect to, exactly as DNS names it (the preferred MX when it is Microsoft 365, else the first Microsoft 365 host listed). */
                        endpoint?: string;
                        /**
                         * @description Which form `endpoint` has: the classic `*.mail.protection.outlook.com` or the DNSSEC `*.mx.microsoft`.
                         * @enum {string}
                         */
                        endpointKind?: "mail.protection.outlook.com" | "mx.microsoft";
                        /** @description How long the look-up took, milliseconds. */
                        ms?: number;
                        /** @description Why the look-up failed, when it did. */
                        error?: {
                            /**
                             * @description The step that failed.
                             * @enum {string}
                             */
                            stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                            /**
                             * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                            /** @description What happened, in English, for people (the code is for programs). */
                            message: string;
                        };
                    };
                    /** @description SPF evaluation of the domain for the sending IP (or, without one, the audit of its record). */
                    spf?: {
                        /** @description The domain whose SPF record was evaluated. */
                        domain: string;
                        /** @description The sending IP it was evaluated for; absent when only the record was audited (no IP given). */
                        ip?: string;
                        /**
                         * @description The SPF verdict (RFC 7208) for `ip`; absent without an IP — the record is then audited (lookups, includes, Microsoft 365) without a verdict.
                         * @enum {string}
                         */
                        result?: "pass" | "fail" | "softfail" | "neutral" | "none" | "permerror" | "temperror";
                        /** @description The SPF record as published. */
                        record?: string;
                        /** @description DNS-querying terms (include, a, mx, ptr, exists, redirect) in the whole record, following every include and redirect (RFC 7208 §4.6.4 limit: 10). Independent of the IP. */
                        lookups?: number;
                        /** @description `lookups` counts only what was walked before an include loop or the depth limit cut the tree. */
                        lookupsAtLeast?: boolean;
                        /** @description An include or redirect leads back to a domain already on its path. */
                        includeLoop?: boolean;
                        /** @description Lookups in the whole record that returned no data or NXDOMAIN (limit: 2). Independent of the IP. */
                        voidLookups?: number;
                        /** @description Lookup count per include / redirect. */
                        includes?: {
                            /** @description The included or redirected domain. */
                            domain: string;
                            /** @description DNS-querying terms inside it, its nested includes counted. */
                            lookups: number;
                            /** @description Void lookups (no data, NXDOMAIN) inside this include, its own TXT look-up counted. */
                            voidLookups?: number;
                            /**
                             * @description `include:` or `redirect=`.
                             * @enum {string}
                             */
                            kind?: "include" | "redirect";
                            /** @description The domain whose record names this one. */
                            via?: string;
                        }[];
                        /** @description The record covers Microsoft 365 (`include:spf.protection.outlook.com`). */
                        includesMicrosoft365?: boolean;
                        /** @description `lookups` is over the RFC 7208 limit of 10: receivers that walk the whole record answer permerror. */
                        overLookupLimit?: boolean;
                        /** @description `voidLookups` is over the RFC 7208 limit of 2. */
                        overVoidLimit?: boolean;
                        /** @description Lookups the evaluation for this IP made before it reached its verdict (it stops at the first match). */
                        evaluatedLookups?: number;
                        /** @description Void lookups the evaluation for this IP met. */
                        evaluatedVoidLookups?: number;
                        /**
                         * @description Why DNS failed, when it did (temperror).
                         * @enum {string}
                         */
                        errorCode?: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                        /** @description How long the evaluation took, milliseconds. */
                        ms?: number;
                        /** @description What went wrong, when the evaluation failed. */
                        error?: string;
                    };
                    /** @description The DMARC record of the from-address's domain. */
                    dmarc?: {
                        /** @description The domain looked up. */
                        domain: string;
                        /** @description A `v=DMARC1` record was found. false with no `error`: the domain publishes none. */
                        found: boolean;
                        /** @description The name the record was read from (`_dmarc.<domain>` or the organisational domain's). */
                        name?: string;
                        /** @description The DMARC record as published. */
                        record?: string;
                        /**
                         * @description What receivers do with this domain's mail that fails DMARC: `p=`, or `sp=` when the record is inherited from the organisational domain and has one.
                         * @enum {string}
                         */
                        policy?: "none" | "quarantine" | "reject";
                        /**
                         * @description `sp=`: the policy for subdomains, when the record names one.
                         * @enum {string}
                         */
                        subdomainPolicy?: "none" | "quarantine" | "reject";
                        /** @description `pct=` (default 100). */
                        pct?: number;
                        /**
                         * @description `adkim=`: DKIM alignment, relaxed (`r`, default) or strict (`s`).
                         * @enum {string}
                         */
                        adkim?: "r" | "s";
                        /**
                         * @description `aspf=`: SPF alignment, relaxed (`r`, default) or strict (`s`).
                         * @enum {string}
                         */
                        aspf?: "r" | "s";
                        /** @description More than one DMARC record: receivers ignore them all (RFC 7489 §6.6.3). */
                        multiple?: boolean;
                        /** @description The record is there but has no valid `p=` tag (receivers treat it as absent). */
                        invalid?: boolean;
                        /** @description How long the look-up took, milliseconds. */
                        ms?: number;
                        /** @description Why the look-up failed, when it did. */
                        error?: {
                            /**
                             * @description Why the check failed: `DNS_NOT_FOUND`, `DNS_SERVFAIL` or `DNS_TIMEOUT`.
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT";
                            /** @description A short message naming the query. */
                            message: string;
                        };
                    };
                    /** @description The Microsoft 365 DKIM selectors of the domain. */
                    dkim?: {
                        /** @description The domain whose selectors were looked up. */
                        domain: string;
                        /** @description The selectors looked up (`selector1`, `selector2`). */
                        selectors: {
                            /** @description The selector name, e.g. `selector1`. */
                            selector: string;
                            /** @description The name that was asked, `<selector>._domainkey.<domain>`. */
                            name: string;
                            /** @description The CNAME target, lower case, no trailing dot. */
                            cname?: string;
                            /** @description The CNAME points at a Microsoft 365 DKIM key name. */
                            microsoft365: boolean;
                            /** @description A TXT record with a DKIM key (`p=`) answers at the name (through the CNAME). */
                            keyPublished?: boolean;
                            /** @description Why the look-up failed, when it did. */
                            error?: {
                                /**
                                 * @description Why the check failed: `DNS_NOT_FOUND`, `DNS_SERVFAIL` or `DNS_TIMEOUT`.
                                 * @enum {string}
                                 */
                                code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT";
                                /** @description A short message naming the query. */
                                message: string;
                            };
                        }[];
                        /** @description Both Microsoft 365 selectors are CNAMEs to Microsoft 365 key names. */
                        microsoft365Ready: boolean;
                        /** @description Some selector could not be looked up (then `microsoft365Ready: false` proves nothing). */
                        lookupFailed?: boolean;
                        /** @description How long the look-ups took (in parallel), milliseconds. */
                        ms?: number;
                    };
                    /** @description DNS block list look-ups of the sending IP. */
                    dnsbl?: {
                        /** @description The IP address looked up. */
                        ip: string;
                        /** @description The block list zones asked. */
                        checked: string[];
                        /** @description Zones that list the IP. */
                        listed: {
                            /** @description The zone that lists the IP. */
                            zone: string;
                            /** @description The answer addresses (127.0.0.x), which say why. */
                            codes: string[];
                            /** @description The zone's TXT explanation, when it has one. */
                            text?: string;
                        }[];
                        /** @description Zones that did not answer usably. */
                        errors?: {
                            /** @description The zone that could not be asked. */
                            zone: string;
                            /** @description What went wrong. */
                            message: string;
                            /**
                             * @description DNS_TIMEOUT, DNS_SERVFAIL…; absent when the list answered something unusable.
                             * @enum {string}
                             */
                            code?: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                        }[];
                        /** @description How long the look-ups took (zones in parallel), milliseconds. */
                        ms?: number;
                    };
                };
                /** @description The claims of the OAuth access token used for XOAUTH2, decoded locally (never the token). */
                token?: {
                    /** @description Audience: the resource the token is for; Exchange Online is `https://outlook.office365.com`. */
                    aud?: string;
                    /** @description Issuer, e.g. `https://sts.windows.net/<tenant-id>/` (v1) or `https://login.microsoftonline.com/<tenant-id>/v2.0`. */
                    iss?: string;
                    /** @description Tenant (directory) id the token was issued in. */
                    tid?: string;
                    /** @description Client (application) id of the app that requested the token (v1 tokens). */
                    appid?: string;
                    /** @description Client (application) id of the app that requested the token (v2 tokens). */
                    azp?: string;
                    /** @description `app` for an app-only token (client credentials); `user` for a delegated one. */
                    idtyp?: string;
                    /** @description Application permissions granted to the app, e.g. `SMTP.SendAsApp`. */
                    roles?: string[];
                    /** @description Delegated permissions (the `scp` claim, split at spaces), e.g. `SMTP.Send`. */
                    scp?: string[];
                    /** @description Expiry (NumericDate). */
                    exp?: number;
                    /** @description Not valid before (NumericDate). */
                    nbf?: number;
                    /** @description Issued at (NumericDate). */
                    iat?: number;
                    /** @description Sign-in name of the user (delegated tokens). */
                    upn?: string;
                    /** @description Sign-in name of the user, older form (v1 tokens). */
                    unique_name?: string;
                    /** @description Sign-in name of the user (v2 tokens). */
                    preferred_username?: string;
                    /** @description Object id of the signed-in user, or of the app's service principal for an app-only token. */
                    oid?: string;
                    /** @description Token format version, `1.0` or `2.0`. */
                    ver?: string;
                    /** @description When the claims were judged (NumericDate), set by whoever decoded the token. Expiry and not-before are only judged against it; without it they are not judged. */
                    checkedAt?: number;
                };
            };
            /**
             * @description Language of the findings: `cs` or `en` (default `en`).
             * @default en
             * @enum {string}
             */
            lang: "cs" | "en";
        };
        ExplainRequest: {
            /** @description An SMTP reply, a transcript, a whole device log or an NDR (English or Czech). */
            text: string;
            /**
             * @description Language of the findings: `cs` or `en` (default `en`).
             * @default en
             * @enum {string}
             */
            lang: "cs" | "en";
        };
        ClassifyRequest: {
            /** @description What is typed into the device; `password` is a boolean here. */
            settings: {
                /** @description SMTP server / smart host as entered on the device. */
                host: string;
                /** @description TCP port as entered on the device (default: 25 for a tenant MX endpoint, else 587). */
                port?: number;
                /**
                 * @description TLS mode as entered on the device (default: implicit on port 465, else starttls).
                 * @enum {string}
                 */
                tls?: "none" | "starttls" | "implicit";
                /** @description Sign-in name, if one is entered. */
                username?: string;
                /** @description For `classify`/`diagnose`: whether a password was entered (`true`/`false`). For `probe`: the secret itself. Never logged, echoed or stored. */
                password?: boolean | string;
                /** @description OAuth 2.0 access token for XOAUTH2 (probe only). Never logged, echoed or stored. */
                accessToken?: string;
                /**
                 * @description Which AUTH mechanism to use; `auto` picks XOAUTH2 with a token, else PLAIN or LOGIN as offered.
                 * @enum {string}
                 */
                authMethod?: "auto" | "plain" | "login" | "xoauth2";
                /** @description The sender (From / MAIL FROM) address the device uses. */
                from?: string;
                /** @description Recipient addresses the device sends to. */
                recipients?: string[];
                /**
                 * @description What the tenant's connector recognises the device by, if known.
                 * @enum {string}
                 */
                connector?: "none" | "ip" | "certificate" | "unknown";
                /**
                 * @description Highest TLS version the device (firmware) can speak, if known.
                 * @enum {string}
                 */
                maxTlsVersion?: "TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3";
                /** @description Public IP address the device's mail leaves the network from, if known. */
                sourceIp?: string;
                /** @description Whether that public IP is static. */
                staticIp?: boolean;
                /** @description Longest server name the device's settings field accepts, if it is limited. */
                hostFieldMaxLength?: number;
            };
            /**
             * @description Language of the findings: `cs` or `en` (default `en`).
             * @default en
             * @enum {string}
             */
            lang: "cs" | "en";
        };
        AdviseRequest: {
            /** @description What the device and its owner need; leave out what is not known. */
            needs: {
                /** @description Mail must reach recipients outside the organisation. */
                externalRecipients?: boolean;
                /** @description The device has fields for a username and password. */
                canAuthenticate?: boolean;
                /** @description The device or app can sign in with OAuth 2.0 (XOAUTH2). */
                oauth?: boolean;
                /**
                 * @description How it gets its OAuth token: as an app of its own (`client-credentials`: tenant, client id, secret or certificate) or only by a user signing in (`delegated`).
                 * @enum {string}
                 */
                oauthFlow?: "client-credentials" | "delegated";
                /** @description Highest TLS version the device speaks. */
                maxTlsVersion?: ("TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3") | "none";
                /** @description The site has a static public IP address. */
                staticIp?: boolean;
                /** @description The device sends as several from-addresses. */
                sendsAsManyAddresses?: boolean;
                /** @description The app is hosted by a third party (cloud service, hosting provider). */
                thirdPartyHosted?: boolean;
                /** @description Port 25 outbound is open from the site. */
                port25Open?: boolean;
                /** @description Messages per day, roughly. */
                dailyVolume?: number;
                /** @description Longest server name the device's field accepts. */
                hostFieldMaxLength?: number;
                /** @description The tenant's domain, to fill in the settings card (MX endpoint). */
                domain?: string;
            };
            /**
             * @description Language of the findings: `cs` or `en` (default `en`).
             * @default en
             * @enum {string}
             */
            lang: "cs" | "en";
        };
        ProbeRequest: {
            /** @description The endpoint and the device settings; `password`/`accessToken` are the secrets themselves (never logged or echoed). */
            settings: {
                /** @description SMTP server / smart host as entered on the device. */
                host: string;
                /** @description TCP port as entered on the device (default: 25 for a tenant MX endpoint, else 587). */
                port?: number;
                /**
                 * @description TLS mode as entered on the device (default: implicit on port 465, else starttls).
                 * @enum {string}
                 */
                tls?: "none" | "starttls" | "implicit";
                /** @description Sign-in name, if one is entered. */
                username?: string;
                /** @description For `classify`/`diagnose`: whether a password was entered (`true`/`false`). For `probe`: the secret itself. Never logged, echoed or stored. */
                password?: boolean | string;
                /** @description OAuth 2.0 access token for XOAUTH2 (probe only). Never logged, echoed or stored. */
                accessToken?: string;
                /**
                 * @description Which AUTH mechanism to use; `auto` picks XOAUTH2 with a token, else PLAIN or LOGIN as offered.
                 * @enum {string}
                 */
                authMethod?: "auto" | "plain" | "login" | "xoauth2";
                /** @description The sender (From / MAIL FROM) address the device uses. */
                from?: string;
                /** @description Recipient addresses the device sends to. */
                recipients?: string[];
                /**
                 * @description What the tenant's connector recognises the device by, if known.
                 * @enum {string}
                 */
                connector?: "none" | "ip" | "certificate" | "unknown";
                /**
                 * @description Highest TLS version the device (firmware) can speak, if known.
                 * @enum {string}
                 */
                maxTlsVersion?: "TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3";
                /** @description Public IP address the device's mail leaves the network from, if known. */
                sourceIp?: string;
                /** @description Whether that public IP is static. */
                staticIp?: boolean;
                /** @description Longest server name the device's settings field accepts, if it is limited. */
                hostFieldMaxLength?: number;
            };
            /** @description Budget for the whole probe in ms (default 15000, as the CLI's --timeout). */
            timeoutMs?: number;
            /** @description Also test which of TLS 1.0–1.3 the endpoint accepts (one connection per version, in parallel, to the same allowed target); answered in `probe.tlsVersions`. */
            tlsMatrix?: boolean;
            /**
             * @description Language of the findings: `cs` or `en` (default `en`).
             * @default en
             * @enum {string}
             */
            lang: "cs" | "en";
        };
        Source: {
            /** @description Title of the Microsoft article (or other source). */
            title: string;
            /** @description Its address. */
            url: string;
            /** @description The section the rule comes from. */
            section?: string;
            /** @description When the source was published or last checked (YYYY-MM-DD). */
            date?: string;
        };
        Finding: {
            /** @description Stable rule id (also the docs slug). */
            id: string;
            /**
             * @description The sending option the finding is about (`any`: whatever the option).
             * @enum {string}
             */
            option: "smtp-auth" | "direct-send" | "relay" | "any";
            /**
             * @description `error`: this stops mail; `warning`: a risk or likely cause; `info`: worth knowing.
             * @enum {string}
             */
            severity: "error" | "warning" | "info";
            /** @description Enhanced status codes, e.g. `5.7.60`. */
            codes: string[];
            /** @description What is wrong, in one line. */
            title: string;
            /** @description What the person sees. */
            symptom?: string;
            /** @description Why it happens (markdown). */
            cause: string;
            /** @description What to do, in order (markdown). */
            steps: string[];
            /** @description PowerShell commands, filled in from the input where it names the mailbox, address, IP or domain. */
            commands: string[];
            /** @description Risks of the fix. */
            warnings?: string[];
            /** @description Where the rule comes from, with dates. */
            sources: components["schemas"]["Source"][];
            /** @description Ids of related rules. */
            related?: string[];
            /** @description Path of the rule’s page on the docs site, e.g. `/en/rules/<id>/`. */
            docs: string;
            /**
             * @description Present when the finding answers only a bare enhanced code that several findings share (no readable reply text): its `symptom` says what its whole reply looks like, which tells it from the others.
             * @constant
             */
            match?: "code";
        } & {
            [key: string]: unknown;
        };
        Findings: {
            /** @description Findings, most relevant first (empty: nothing known is wrong). */
            findings: components["schemas"]["Finding"][];
        } & {
            [key: string]: unknown;
        };
        SettingsDescription: {
            /**
             * @description The option the settings are for.
             * @enum {string}
             */
            option: "smtp-auth" | "direct-send" | "relay" | "unknown";
            /** @description Server name as entered. */
            host: string;
            /** @description Port as entered. */
            port: number;
            /**
             * @description TLS mode as entered.
             * @enum {string}
             */
            tls: "none" | "starttls" | "implicit";
            /**
             * @description How the device signs in: password, OAuth (XOAUTH2), a username without a password, or not at all.
             * @enum {string}
             */
            signIn: "password" | "oauth" | "username-only" | "none";
            /** @description The sign-in name, when one is entered. */
            username?: string;
            /** @description One line in the request language: option — host:port, TLS mode, sign-in. */
            text: string;
        };
        Classification: {
            /**
             * @description The option the settings are for; `unknown` when they mix them.
             * @enum {string}
             */
            option: "smtp-auth" | "direct-send" | "relay" | "unknown";
            /** @description The settings, described from what the engine classified. */
            description: components["schemas"]["SettingsDescription"];
            /** @description Findings, most relevant first (empty: nothing known is wrong). */
            findings: components["schemas"]["Finding"][];
        } & {
            [key: string]: unknown;
        };
        Advice: {
            /** @description Every option, best first, each with its reasons for and against and the settings card to type in. */
            options: {
                [key: string]: unknown;
            }[];
        } & {
            [key: string]: unknown;
        };
        ProbeResult: {
            /** @description Findings, most relevant first (empty: nothing known is wrong). */
            findings: components["schemas"]["Finding"][];
            /** @description `facts.probe` as measured (see the ProbeFacts schema in core). */
            probe?: {
                [key: string]: unknown;
            };
            /** @description The SMTP conversation, secrets shown as `****`. */
            transcript: string[];
            /** @description Each step in order, with its timing. */
            steps: {
                /** @description The step: dns, tcp, banner, ehlo, starttls, tls, ehlo-tls, auth, mail, rcpt. */
                stage: string;
                /** @description How long it took, milliseconds. */
                ms: number;
                /** @description It succeeded. */
                ok: boolean;
            }[];
        };
        RuleSummary: {
            /** @description Stable rule id (also the docs slug). */
            id: string;
            /** @description The sending options the rule is about. */
            options: string[];
            /**
             * @description `error`: this stops mail; `warning`: a risk or likely cause; `info`: worth knowing.
             * @enum {string}
             */
            severity: "error" | "warning" | "info";
            /** @description Enhanced status codes the rule answers. */
            codes: string[];
            /** @description Phrase ids (reply texts) the rule answers. */
            phrases: string[];
            /** @description Symptom ids the rule answers. */
            symptoms: string[];
            /** @description What is wrong, in one line. */
            title: string;
            /** @description What the person sees. */
            symptom: string;
            /** @description Path of the rule’s page on the docs site. */
            docs: string;
        };
        RuleList: {
            /** @description The rules, in id order. */
            rules: components["schemas"]["RuleSummary"][];
        };
        Rule: {
            /** @description Stable rule id (also the docs slug). */
            id: string;
            /** @description The sending options the rule is about. */
            options: string[];
            /**
             * @description `error`: this stops mail; `warning`: a risk or likely cause; `info`: worth knowing.
             * @enum {string}
             */
            severity: "error" | "warning" | "info";
            /** @description Enhanced status codes the rule answers. */
            codes: string[];
            /** @description Phrase ids (reply texts) the rule answers. */
            phrases: string[];
            /** @description Symptom ids the rule answers. */
            symptoms: string[];
            /** @description What is wrong, in one line. */
            title: string;
            /** @description What the person sees. */
            symptom: string;
            /** @description Path of the rule’s page on the docs site. */
            docs: string;
            /** @description Why it happens (markdown). */
            cause: string;
            /** @description What to do, in order (markdown). */
            steps: string[];
            /** @description PowerShell commands with the contoso example values (a diagnosis fills in the input’s own). */
            commands: string[];
            /** @description Risks of the fix. */
            warnings: string[];
            /** @description Where the rule comes from, with dates. */
            sources: components["schemas"]["Source"][];
            /** @description Ids of related rules. */
            related: string[];
        };
        Health: {
            /**
             * @description Always `ok` when the server answers.
             * @constant
             */
            status: "ok";
            /** @description Number of rules loaded. */
            rules: number;
        };
        Problem: {
            /** @description Stable problem type (a tag URI). */
            type: string;
            /** @description Short summary of the problem type. */
            title: string;
            /** @description The HTTP status code. */
            status: number;
            /** @description What went wrong with this request. */
            detail: string;
            /** @description The request path. */
            instance: string;
            /** @description Stable code, e.g. `SD_API_VALIDATION`. */
            code: string;
            /** @description The request id the logs carry; quote it when reporting a problem. */
            requestId: string;
            /** @description Validation issues: zod paths into the body or query. */
            errors?: {
                /** @description Where in the body or query, as a path. */
                path: (string | number)[];
                /** @description What is wrong there. */
                message: string;
            }[];
        };
        /**
         * @example {
         *       "domain": "contoso.com",
         *       "ip": "203.0.113.7",
         *       "lang": "en"
         *     }
         * @example {
         *       "domain": "contoso.com",
         *       "from": "scanner@contoso.com",
         *       "ip": "203.0.113.7",
         *       "dnsbl": [
         *         "zen.spamhaus.org"
         *       ],
         *       "lang": "cs"
         *     }
         */
        DnsRequest: {
            /** @description The organisation's domain: MX, and SPF/DMARC/DKIM unless `from` names another. */
            domain: string;
            /** @description The public IP the device sends from: SPF verdict and block-list look-ups. */
            ip?: string;
            /** @description The device's from-address: SPF, DMARC and DKIM are checked for its domain. */
            from?: string;
            /** @description Block list zones to look the IP up in (default: zen.spamhaus.org, bl.spamcop.net, b.barracudacentral.org). */
            dnsbl?: string[];
            /** @description Deadline of each check in ms (default 5000); the checks run in parallel. */
            timeoutMs?: number;
            /**
             * @description Language of the findings: `cs` or `en` (default `en`).
             * @default en
             * @enum {string}
             */
            lang: "cs" | "en";
        };
        /**
         * @example {
         *       "findings": [
         *         {
         *           "id": "spf-fail-sending-ip",
         *           "option": "direct-send",
         *           "severity": "error",
         *           "codes": [
         *             "5.7.23"
         *           ]
         *         }
         *       ],
         *       "dns": {
         *         "mx": {
         *           "domain": "contoso.com",
         *           "isMicrosoft365": true,
         *           "endpoint": "contoso-com.mail.protection.outlook.com"
         *         },
         *         "spf": {
         *           "domain": "contoso.com",
         *           "ip": "203.0.113.7",
         *           "result": "fail",
         *           "lookups": 1,
         *           "voidLookups": 0
         *         },
         *         "dmarc": {
         *           "domain": "contoso.com",
         *           "found": true,
         *           "policy": "reject"
         *         }
         *       }
         *     }
         */
        DnsResult: {
            /** @description Findings for what the DNS checks measured, most relevant first (each with its rule `id` and `docs`). */
            findings: components["schemas"]["Finding"][];
            /** @description What the checks measured: `mx`, `spf`, `dmarc`, `dkim`, `dnsbl` — the DNS parts of the probe facts (core’s ProbeFacts). */
            dns: {
                /** @description The domain's MX records. */
                mx?: {
                    /** @description The domain looked up. */
                    domain: string;
                    /** @description The MX records, as published. */
                    hosts: {
                        /** @description The mail server name. */
                        exchange: string;
                        /** @description MX preference: lower is preferred. */
                        priority: number;
                    }[];
                    /** @description The preferred MX is a Microsoft 365 endpoint (`*.mail.protection.outlook.com` or `*.mx.microsoft`). */
                    isMicrosoft365: boolean;
                    /** @description The preferred (lowest-priority) exchange, lower case, no trailing dot. */
                    preferred?: string;
                    /** @description The Microsoft 365 endpoint direct send and relay connect to, exactly as DNS names it (the preferred MX when it is Microsoft 365, else the first Microsoft 365 host listed). */
                    endpoint?: string;
                    /**
                     * @description Which form `endpoint` has: the classic `*.mail.protection.outlook.com` or the DNSSEC `*.mx.microsoft`.
                     * @enum {string}
                     */
                    endpointKind?: "mail.protection.outlook.com" | "mx.microsoft";
                    /** @description How long the look-up took, milliseconds. */
                    ms?: number;
                    /** @description Why the look-up failed, when it did. */
                    error?: {
                        /**
                         * @description The step that failed.
                         * @enum {string}
                         */
                        stage: "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" | "ehlo-tls" | "auth" | "mail" | "rcpt" | "data" | "quit";
                        /**
                         * @description Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).
                         * @enum {string}
                         */
                        code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                        /** @description What happened, in English, for people (the code is for programs). */
                        message: string;
                    };
                };
                /** @description SPF evaluation of the domain for the sending IP (or, without one, the audit of its record). */
                spf?: {
                    /** @description The domain whose SPF record was evaluated. */
                    domain: string;
                    /** @description The sending IP it was evaluated for; absent when only the record was audited (no IP given). */
                    ip?: string;
                    /**
                     * @description The SPF verdict (RFC 7208) for `ip`; absent without an IP — the record is then audited (lookups, includes, Microsoft 365) without a verdict.
                     * @enum {string}
                     */
                    result?: "pass" | "fail" | "softfail" | "neutral" | "none" | "permerror" | "temperror";
                    /** @description The SPF record as published. */
                    record?: string;
                    /** @description DNS-querying terms (include, a, mx, ptr, exists, redirect) in the whole record, following every include and redirect (RFC 7208 §4.6.4 limit: 10). Independent of the IP. */
                    lookups?: number;
                    /** @description `lookups` counts only what was walked before an include loop or the depth limit cut the tree. */
                    lookupsAtLeast?: boolean;
                    /** @description An include or redirect leads back to a domain already on its path. */
                    includeLoop?: boolean;
                    /** @description Lookups in the whole record that returned no data or NXDOMAIN (limit: 2). Independent of the IP. */
                    voidLookups?: number;
                    /** @description Lookup count per include / redirect. */
                    includes?: {
                        /** @description The included or redirected domain. */
                        domain: string;
                        /** @description DNS-querying terms inside it, its nested includes counted. */
                        lookups: number;
                        /** @description Void lookups (no data, NXDOMAIN) inside this include, its own TXT look-up counted. */
                        voidLookups?: number;
                        /**
                         * @description `include:` or `redirect=`.
                         * @enum {string}
                         */
                        kind?: "include" | "redirect";
                        /** @description The domain whose record names this one. */
                        via?: string;
                    }[];
                    /** @description The record covers Microsoft 365 (`include:spf.protection.outlook.com`). */
                    includesMicrosoft365?: boolean;
                    /** @description `lookups` is over the RFC 7208 limit of 10: receivers that walk the whole record answer permerror. */
                    overLookupLimit?: boolean;
                    /** @description `voidLookups` is over the RFC 7208 limit of 2. */
                    overVoidLimit?: boolean;
                    /** @description Lookups the evaluation for this IP made before it reached its verdict (it stops at the first match). */
                    evaluatedLookups?: number;
                    /** @description Void lookups the evaluation for this IP met. */
                    evaluatedVoidLookups?: number;
                    /**
                     * @description Why DNS failed, when it did (temperror).
                     * @enum {string}
                     */
                    errorCode?: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                    /** @description How long the evaluation took, milliseconds. */
                    ms?: number;
                    /** @description What went wrong, when the evaluation failed. */
                    error?: string;
                };
                /** @description The DMARC record of the from-address's domain. */
                dmarc?: {
                    /** @description The domain looked up. */
                    domain: string;
                    /** @description A `v=DMARC1` record was found. false with no `error`: the domain publishes none. */
                    found: boolean;
                    /** @description The name the record was read from (`_dmarc.<domain>` or the organisational domain's). */
                    name?: string;
                    /** @description The DMARC record as published. */
                    record?: string;
                    /**
                     * @description What receivers do with this domain's mail that fails DMARC: `p=`, or `sp=` when the record is inherited from the organisational domain and has one.
                     * @enum {string}
                     */
                    policy?: "none" | "quarantine" | "reject";
                    /**
                     * @description `sp=`: the policy for subdomains, when the record names one.
                     * @enum {string}
                     */
                    subdomainPolicy?: "none" | "quarantine" | "reject";
                    /** @description `pct=` (default 100). */
                    pct?: number;
                    /**
                     * @description `adkim=`: DKIM alignment, relaxed (`r`, default) or strict (`s`).
                     * @enum {string}
                     */
                    adkim?: "r" | "s";
                    /**
                     * @description `aspf=`: SPF alignment, relaxed (`r`, default) or strict (`s`).
                     * @enum {string}
                     */
                    aspf?: "r" | "s";
                    /** @description More than one DMARC record: receivers ignore them all (RFC 7489 §6.6.3). */
                    multiple?: boolean;
                    /** @description The record is there but has no valid `p=` tag (receivers treat it as absent). */
                    invalid?: boolean;
                    /** @description How long the look-up took, milliseconds. */
                    ms?: number;
                    /** @description Why the look-up failed, when it did. */
                    error?: {
                        /**
                         * @description Why the check failed: `DNS_NOT_FOUND`, `DNS_SERVFAIL` or `DNS_TIMEOUT`.
                         * @enum {string}
                         */
                        code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT";
                        /** @description A short message naming the query. */
                        message: string;
                    };
                };
                /** @description The Microsoft 365 DKIM selectors of the domain. */
                dkim?: {
                    /** @description The domain whose selectors were looked up. */
                    domain: string;
                    /** @description The selectors looked up (`selector1`, `selector2`). */
                    selectors: {
                        /** @description The selector name, e.g. `selector1`. */
                        selector: string;
                        /** @description The name that was asked, `<selector>._domainkey.<domain>`. */
                        name: string;
                        /** @description The CNAME target, lower case, no trailing dot. */
                        cname?: string;
                        /** @description The CNAME points at a Microsoft 365 DKIM key name. */
                        microsoft365: boolean;
                        /** @description A TXT record with a DKIM key (`p=`) answers at the name (through the CNAME). */
                        keyPublished?: boolean;
                        /** @description Why the look-up failed, when it did. */
                        error?: {
                            /**
                             * @description Why the check failed: `DNS_NOT_FOUND`, `DNS_SERVFAIL` or `DNS_TIMEOUT`.
                             * @enum {string}
                             */
                            code: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT";
                            /** @description A short message naming the query. */
                            message: string;
                        };
                    }[];
                    /** @description Both Microsoft 365 selectors are CNAMEs to Microsoft 365 key names. */
                    microsoft365Ready: boolean;
                    /** @description Some selector could not be looked up (then `microsoft365Ready: false` proves nothing). */
                    lookupFailed?: boolean;
                    /** @description How long the look-ups took (in parallel), milliseconds. */
                    ms?: number;
                };
                /** @description DNS block list look-ups of the sending IP. */
                dnsbl?: {
                    /** @description The IP address looked up. */
                    ip: string;
                    /** @description The block list zones asked. */
                    checked: string[];
                    /** @description Zones that list the IP. */
                    listed: {
                        /** @description The zone that lists the IP. */
                        zone: string;
                        /** @description The answer addresses (127.0.0.x), which say why. */
                        codes: string[];
                        /** @description The zone's TXT explanation, when it has one. */
                        text?: string;
                    }[];
                    /** @description Zones that did not answer usably. */
                    errors?: {
                        /** @description The zone that could not be asked. */
                        zone: string;
                        /** @description What went wrong. */
                        message: string;
                        /**
                         * @description DNS_TIMEOUT, DNS_SERVFAIL…; absent when the list answered something unusable.
                         * @enum {string}
                         */
                        code?: "DNS_NOT_FOUND" | "DNS_SERVFAIL" | "DNS_TIMEOUT" | "TCP_REFUSED" | "TCP_TIMEOUT" | "TCP_RESET" | "TCP_UNREACHABLE" | "TIMEOUT" | "CONNECTION_CLOSED" | "TLS_HANDSHAKE_FAILED" | "TLS_VERSION_MISMATCH" | "PROTOCOL_ERROR" | "LINE_TOO_LONG" | "STARTTLS_NOT_OFFERED" | "AUTH_NOT_OFFERED" | "AUTH_MECHANISM_NOT_OFFERED";
                    }[];
                    /** @description How long the look-ups took (zones in parallel), milliseconds. */
                    ms?: number;
                };
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
export interface operations {
    getHealth: {
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
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    diagnose: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DiagnoseRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Findings"];
                };
            };
            /** @description Client error (RFC 9457 problem) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server error (RFC 9457 problem) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    explain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExplainRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Findings"];
                };
            };
            /** @description Client error (RFC 9457 problem) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server error (RFC 9457 problem) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    classify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClassifyRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Classification"];
                };
            };
            /** @description Client error (RFC 9457 problem) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server error (RFC 9457 problem) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    advise: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdviseRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Advice"];
                };
            };
            /** @description Client error (RFC 9457 problem) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server error (RFC 9457 problem) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    probe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProbeRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProbeResult"];
                };
            };
            /** @description Client error (RFC 9457 problem) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server error (RFC 9457 problem) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRules: {
        parameters: {
            query?: {
                /**
                 * @description Language of the findings: `cs` or `en` (default `en`).
                 * @example en
                 */
                lang?: "cs" | "en";
                /**
                 * @description Only rules about this option (rules for `any` option are included).
                 * @example smtp-auth
                 */
                option?: "smtp-auth" | "direct-send" | "relay" | "any";
                /**
                 * @description Only rules answering this enhanced status code.
                 * @example 5.7.60
                 */
                code?: string;
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
                    "application/json": components["schemas"]["RuleList"];
                };
            };
            /** @description Client error (RFC 9457 problem) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server error (RFC 9457 problem) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRule: {
        parameters: {
            query?: {
                /**
                 * @description Language of the findings: `cs` or `en` (default `en`).
                 * @example en
                 */
                lang?: "cs" | "en";
            };
            header?: never;
            path: {
                /** @example send-as-denied */
                id: string;
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
                    "application/json": components["schemas"]["Rule"];
                };
            };
            /** @description Client error (RFC 9457 problem) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server error (RFC 9457 problem) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    checkDns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DnsRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DnsResult"];
                };
            };
            /** @description Client error (RFC 9457 problem) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server error (RFC 9457 problem) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
