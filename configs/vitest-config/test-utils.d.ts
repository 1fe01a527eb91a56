export declare function tempDir(prefix?: string): string;
export declare function removeTempDirs(): void;
export declare function isolatedEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
