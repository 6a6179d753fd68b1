/**
 * Environment for decap-server in git mode, shared by `npm run cms` and the CMS tests.
 *
 * git quotes non-ASCII paths in its output (`"\346\212\245…pdf"`), and decap-server reads
 * that output to find an unpublished entry's files: after an editor uploads 报名表.pdf, the
 * entry fails to load (HTTP 500). `core.quotePath=false`, given through git's environment
 * configuration, fixes that without touching anyone's git config.
 */
export const DECAP_GIT_ENV = {
  GIT_CONFIG_COUNT: '1',
  GIT_CONFIG_KEY_0: 'core.quotePath',
  GIT_CONFIG_VALUE_0: 'false',
} as const;
