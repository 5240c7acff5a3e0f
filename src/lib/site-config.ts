/**
 * Deployment settings, configured once from the environment: where the repository lives (for
 * "edit this file" and "history" links) and which branch is published.
 */
export interface RepositoryConfig {
  /** e.g. https://github.com/owner/repo (no trailing slash); undefined hides the links. */
  url?: string;
  /** The published branch, `main` unless ARCHIVE_REPO_BRANCH says otherwise. */
  branch: string;
}

/** Reads ARCHIVE_REPO_URL and ARCHIVE_REPO_BRANCH. */
export function readRepositoryConfig(env: NodeJS.ProcessEnv = process.env): RepositoryConfig {
  const url = env.ARCHIVE_REPO_URL?.trim().replace(/\/+$/, '');
  return { url: url || undefined, branch: env.ARCHIVE_REPO_BRANCH?.trim() || 'main' };
}

/** Links to edit a content file and to read its history, on GitHub, Gitea/Forgejo or GitLab. */
export function repositoryLinks(config: RepositoryConfig, path: string): { edit: string; history: string } | undefined {
  if (!config.url) return undefined;
  const gitlab = /gitlab/i.test(config.url);
  return gitlab
    ? {
        edit: `${config.url}/-/edit/${config.branch}/${path}`,
        history: `${config.url}/-/commits/${config.branch}/${path}`,
      }
    : {
        edit: `${config.url}/edit/${config.branch}/${path}`,
        history: `${config.url}/commits/${config.branch}/${path}`,
      };
}

/** Where the site is published: its origin and base path, from ARCHIVE_SITE_URL and ARCHIVE_BASE. */
export function readSiteAddress(env: NodeJS.ProcessEnv = process.env): { site: string; base: string } {
  const base = `/${(env.ARCHIVE_BASE ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  return { site: env.ARCHIVE_SITE_URL ?? 'http://localhost:4321', base };
}
