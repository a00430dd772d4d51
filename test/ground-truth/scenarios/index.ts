// The ground-truth scenarios, one per rule: the one list of rules proven on a real nginx (verified-on.test.ts reads it).
import type { Scenario } from "../scenario.js";
import { balancerBackup } from "./balancer-backup.js";
import { connectTimeoutIneffective } from "./connect-timeout-ineffective.js";
import { connectionHeaderHardcoded } from "./connection-header-hardcoded.js";
import { connectionHeaderMissing } from "./connection-header-missing.js";
import { forwardedForSpoofable } from "./forwarded-for-spoofable.js";
import { headerInheritanceLost } from "./header-inheritance-lost.js";
import { hostHeaderPort } from "./host-header-port.js";
import { http2Cleartext } from "./http2-cleartext.js";
import { keepaliveConnectionClose } from "./keepalive-connection-close.js";
import { limitConnMissing } from "./limit-conn-missing.js";
import { originCheck } from "./origin-check.js";
import { plaintextListener } from "./plaintext-listener.js";
import { proxyHttpVersion } from "./proxy-http-version.js";
import { proxyPassResolver } from "./proxy-pass-resolver.js";
import { proxySslServerName } from "./proxy-ssl-server-name.js";
import { readTimeoutShort } from "./read-timeout-short.js";
import { undefinedVariable } from "./undefined-variable.js";
import { upgradeHeaderMissing } from "./upgrade-header-missing.js";
import { upstreamAffinity } from "./upstream-affinity.js";
import { workerConnectionsLow } from "./worker-connections-low.js";

/** The slowest first, so it starts while the rest run beside it. */
export const scenarios: readonly Scenario[] = [
  connectTimeoutIneffective,
  proxyHttpVersion,
  upgradeHeaderMissing,
  connectionHeaderMissing,
  headerInheritanceLost,
  connectionHeaderHardcoded,
  readTimeoutShort,
  keepaliveConnectionClose,
  balancerBackup,
  proxyPassResolver,
  undefinedVariable,
  originCheck,
  limitConnMissing,
  upstreamAffinity,
  http2Cleartext,
  plaintextListener,
  forwardedForSpoofable,
  hostHeaderPort,
  proxySslServerName,
  workerConnectionsLow,
];

/** Rule ids whose claims the suite proves; only these may say `verifiedOn` in their meta. */
export const provenRules: ReadonlySet<string> = new Set(scenarios.filter((s) => !s.contradicts).map((s) => s.rule));
