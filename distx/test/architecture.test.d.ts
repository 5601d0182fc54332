/** Lower numbers sit lower; equal numbers may not import each other. */
export declare const LAYERS: Readonly<Record<string, number>>;
interface Edge {
    from: string;
    to: string;
    line: number;
}
/** Every relative import of every source file, static, re-export or dynamic, resolved to a .ts path. */
export declare function importEdges(root?: string): Edge[];
/** What is wrong with each import edge; empty when the tree keeps its layers. */
export declare function layerViolations(edges: readonly Edge[]): string[];
/** Folder-level cycles (a -> b -> ... -> a), found by depth-first search. */
export declare function folderCycles(edges: readonly Edge[]): string[][];
export {};
