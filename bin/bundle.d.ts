/** The bundled command line's entry file, made first if need be; undefined when none can be made. */
export function bundledCli(root: string): Promise<string | undefined>;
