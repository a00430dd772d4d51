// The registry of rules, sorted by id: adding a rule means adding one line here.
import type { Rule } from "../src/engine/rule.js";
import balancerBackup from "./balancer-backup.js";
import connectionHeaderHardcoded from "./connection-header-hardcoded.js";
import connectionHeaderMissing from "./connection-header-missing.js";
import directiveArguments from "./directive-arguments.js";
import directiveContext from "./directive-context.js";
import duplicateDirective from "./duplicate-directive.js";
import eventsMissing from "./events-missing.js";
import headerInheritanceLost from "./header-inheritance-lost.js";
import includeCycle from "./include-cycle.js";
import includeNotFound from "./include-not-found.js";
import proxyHttpVersion from "./proxy-http-version.js";
import readTimeoutShort from "./read-timeout-short.js";
import sslCertificateMissing from "./ssl-certificate-missing.js";
import syntaxError from "./syntax-error.js";
import undefinedVariable from "./undefined-variable.js";
import unknownDirective from "./unknown-directive.js";
import upgradeHeaderMissing from "./upgrade-header-missing.js";
import upstreamEmpty from "./upstream-empty.js";

export const allRules: readonly Rule[] = [
  balancerBackup,
  connectionHeaderHardcoded,
  connectionHeaderMissing,
  directiveArguments,
  directiveContext,
  duplicateDirective,
  eventsMissing,
  headerInheritanceLost,
  includeCycle,
  includeNotFound,
  proxyHttpVersion,
  readTimeoutShort,
  sslCertificateMissing,
  syntaxError,
  undefinedVariable,
  unknownDirective,
  upgradeHeaderMissing,
  upstreamEmpty,
];
