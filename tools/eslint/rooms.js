// A room (src/server/features/<room>/, src/web/features/<room>/) is reached from another room
// only through its index.ts: its face (ARCHITECTURE "A room declares what it brings").
import path from 'node:path';

const ROOTS = ['src/server/features', 'src/web/features'];

function roomOf(file, cwd) {
  const rel = path.relative(cwd, file).split(path.sep).join('/');
  for (const root of ROOTS) {
    if (rel.startsWith(`${root}/`)) {
      const [room, ...rest] = rel.slice(root.length + 1).split('/');
      if (rest.length) return { root, room };
    }
  }
  return undefined;
}

const noReachIn = {
  meta: {
    type: 'problem',
    docs: { description: "import another room only through its index.ts" },
    messages: { reach: "'{{spec}}' reaches into the {{room}} room; import its face '{{face}}' (its index.ts) instead" },
    schema: [],
  },
  create(context) {
    const cwd = context.cwd ?? process.cwd();
    const filename = context.filename ?? context.getFilename();
    const own = roomOf(filename, cwd);
    if (!own) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.resolve(path.dirname(filename), spec);
      const rel = path.relative(path.join(cwd, own.root), target).split(path.sep).join('/');
      if (rel.startsWith('..')) return;
      const [room, ...rest] = rel.split('/');
      const inner = rest.join('/');
      if (room === own.room || ['', 'index', 'index.ts', 'index.tsx'].includes(inner)) return;
      const face = path.relative(path.dirname(filename), path.join(cwd, own.root, room)).split(path.sep).join('/');
      context.report({ node, messageId: 'reach', data: { spec, room, face } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'no-reach-in': noReachIn } };
