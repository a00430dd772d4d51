// The registry of rules, sorted by id: adding a rule means adding one line here.
import type { Rule } from "../src/engine/rule.js";
import balancerBackup from "./balancer-backup.js";
import directiveArguments from "./directive-arguments.js";
import directiveContext from "./directive-context.js";
import duplicateDirective from "./duplicate-directive.js";
import eventsMissing from "./events-missing.js";
import includeCycle from "./include-cycle.js";
import includeNotFound from "./include-not-found.js";
import sslCertificateMissing from "./ssl-certificate-missing.js";
import syntaxError from "./syntax-error.js";
import undefinedVariable from "./undefined-variable.js";
import unknownDirective from "./unknown-directive.js";
import upstreamEmpty from "./upstream-empty.js";

export const allRules: readonly Rule[] = [
  balancerBackup,
  directiveArguments,
  directiveContext,
  duplicateDirective,
  eventsMissing,
  includeCycle,
  includeNotFound,
  sslCertificateMissing,
  syntaxError,
  undefinedVariable,
  unknownDirective,
  upstreamEmpty,
];
