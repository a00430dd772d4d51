// The registry of rules, sorted by id: adding a rule means adding one line here.
import type { Rule } from "../src/engine/rule.js";
import balancerBackup from "./balancer-backup.js";
import connectTimeoutIneffective from "./connect-timeout-ineffective.js";
import connectionHeaderHardcoded from "./connection-header-hardcoded.js";
import connectionHeaderMissing from "./connection-header-missing.js";
import directiveArguments from "./directive-arguments.js";
import directiveContext from "./directive-context.js";
import duplicateDirective from "./duplicate-directive.js";
import eventsMissing from "./events-missing.js";
import forwardedForSpoofable from "./forwarded-for-spoofable.js";
import headerInheritanceLost from "./header-inheritance-lost.js";
import hostHeaderPort from "./host-header-port.js";
import http2Cleartext from "./http2-cleartext.js";
import includeCycle from "./include-cycle.js";
import includeNotFound from "./include-not-found.js";
import keepaliveConnectionClose from "./keepalive-connection-close.js";
import keepaliveMethodOrder from "./keepalive-method-order.js";
import limitConnMissing from "./limit-conn-missing.js";
import originCheck from "./origin-check.js";
import plaintextListener from "./plaintext-listener.js";
import proxyBuffers from "./proxy-buffers.js";
import proxyHttpVersion from "./proxy-http-version.js";
import proxyPassResolver from "./proxy-pass-resolver.js";
import proxySslServerName from "./proxy-ssl-server-name.js";
import readTimeoutShort from "./read-timeout-short.js";
import sslCertificateMissing from "./ssl-certificate-missing.js";
import sslOnRemoved from "./ssl-on-removed.js";
import syntaxError from "./syntax-error.js";
import tlsProtocols from "./tls-protocols.js";
import undefinedVariable from "./undefined-variable.js";
import unknownDirective from "./unknown-directive.js";
import unknownSuppression from "./unknown-suppression.js";
import upgradeHeaderMissing from "./upgrade-header-missing.js";
import unusedSuppression from "./unused-suppression.js";
import upstreamAffinity from "./upstream-affinity.js";
import upstreamEmpty from "./upstream-empty.js";
import workerConnectionsLow from "./worker-connections-low.js";
import zoneUndefined from "./zone-undefined.js";

export const allRules: readonly Rule[] = [
  balancerBackup,
  connectTimeoutIneffective,
  connectionHeaderHardcoded,
  connectionHeaderMissing,
  directiveArguments,
  directiveContext,
  duplicateDirective,
  eventsMissing,
  forwardedForSpoofable,
  headerInheritanceLost,
  hostHeaderPort,
  http2Cleartext,
  includeCycle,
  includeNotFound,
  keepaliveConnectionClose,
  keepaliveMethodOrder,
  limitConnMissing,
  originCheck,
  plaintextListener,
  proxyBuffers,
  proxyHttpVersion,
  proxyPassResolver,
  proxySslServerName,
  readTimeoutShort,
  sslCertificateMissing,
  sslOnRemoved,
  syntaxError,
  tlsProtocols,
  undefinedVariable,
  unknownDirective,
  unknownSuppression,
  upgradeHeaderMissing,
  unusedSuppression,
  upstreamAffinity,
  upstreamEmpty,
  workerConnectionsLow,
  zoneUndefined,
];
