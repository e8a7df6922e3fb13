import type { ESLint, Rule } from "eslint";

export declare const noDomainCycle: Rule.RuleModule;
declare const plugin: ESLint.Plugin & { rules: { "no-domain-cycle": Rule.RuleModule } };
export default plugin;
