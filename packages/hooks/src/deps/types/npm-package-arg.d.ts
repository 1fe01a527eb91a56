// The parts of npm-package-arg 13 that seckit reads (the package ships no types of its own).
declare module 'npm-package-arg' {
  namespace npa {
    interface NpaResult {
      type: 'git' | 'tag' | 'version' | 'range' | 'file' | 'directory' | 'remote' | 'alias';
      registry?: boolean;
      name: string | null;
      rawSpec: string;
      fetchSpec: string | null;
      gitCommittish?: string | null;
      gitRange?: string | null;
      hosted?: { type: string } | null;
      subSpec?: NpaResult;
    }
  }
  function npa(arg: string, where?: string): npa.NpaResult;
  export = npa;
}
