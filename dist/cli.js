#!/usr/bin/env node
import { createRequire as __meshguardCreateRequire } from 'node:module';
const require = __meshguardCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair2;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent2) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent2 ? comment.replace(/^(?! *$)/gm, indent2) : comment;
    }
    var lineComment = (str, indent2, comment) => str.endsWith("\n") ? indentComment(comment, indent2) : comment.includes("\n") ? "\n" + indentComment(comment, indent2) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent2, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent2.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent2.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent2.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent2.length);
          end = i + indent2.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent2}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent2}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent2) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent2) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent2 = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent2;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent2, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent2 = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent2}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent2, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent2 = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent2.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent2}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent2}`);
      }
      const indentSize = indent2 ? "2" : "1";
      let header2 = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header2 += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent2}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body2 = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent2, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header2}
${indent2}${body2}`;
      }
      value = value.replace(/\n+/g, `$&${indent2}`);
      return `|${header2}
${indent2}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent: indent2, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent2 === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent2 === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent2}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent2, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent: indent2, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent2 + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent2}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge2 = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge2.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge2.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge2.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge2;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge2 = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge2.isMergeKey(ctx, key))
        merge2.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent: indent2, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent2}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent2);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent: indent2, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent2}${line}` : "\n";
          return `${str}
${indent2}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent: indent2, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent2);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys2 = Object.keys(it);
            if (keys2.length === 1) {
              key = keys2[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys2.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set3 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set3.items.push(Pair.createPair(value, null, ctx));
          }
        return set3;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set2 = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set2;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set2 = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge2.merge,
      omap.omap,
      pairs.pairs,
      set2.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set2 = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge2.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set2.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge2.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set2.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge2.merge) ? schemaTags.concat(merge2.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys2 = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys2} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge2.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys2 = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys2}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge: merge2, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge2);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body2 = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body2 += stringifyComment.lineComment(body2, "", commentString(contentComment));
        if ((body2[0] === "|" || body2[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body2}`;
        } else
          lines.push(body2);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart2 = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart2);
        ci -= trimStart2 - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent2, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent2 && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep2, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep2) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep2 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep2, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep2 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep2 + cb;
              sep2 = "";
              break;
            }
            case "newline":
              if (comment)
                sep2 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep2, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep2 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep2 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep2, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep2 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep2)
                for (const st of sep2) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header2 = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header2)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header2.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines2(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header2.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header2.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header2.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header2.indent;
      let offset = scalar.offset + header2.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent2, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header2.indent === 0 && indent2.length > trimIndent)
            trimIndent = indent2.length;
        } else {
          if (indent2.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent2.length, "MISSING_CHAR", message);
          }
          if (header2.indent === 0)
            trimIndent = indent2.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent2.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep2 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent2, content] = lines[i];
        offset += indent2.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent2.length < trimIndent) {
          const src = header2.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent2 = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep2 + indent2.slice(trimIndent) + content;
          sep2 = "\n";
        } else if (indent2.length > trimIndent || content[0] === "	") {
          if (sep2 === " ")
            sep2 = "\n";
          else if (!prevMoreIndented && sep2 === "\n")
            sep2 = "\n\n";
          value += sep2 + indent2.slice(trimIndent) + content;
          sep2 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep2 === "\n")
            value += "\n";
          else
            sep2 = "\n";
        } else {
          value += sep2 + content;
          sep2 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header2.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header2.length + scalar.source.length;
      return { value, type, comment: header2.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent2 = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent2 && n)
            indent2 = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent: indent2, chomp, comment, length };
    }
    function splitLines2(source) {
      const split = source.split(/\n( *)/);
      const first2 = split[0];
      const m = first2.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first2.slice(m[1].length)] : ["", first2];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue2(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines2(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines2(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines2(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd2, trimBoth;
      try {
        trimEnd2 = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd2 = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd2, "");
      let sep2 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep2 === "\n")
            res += sep2;
          else
            sep2 = "\n";
        } else {
          res += sep2 + lm;
          sep2 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep2 + (match?.[1] ?? "");
    }
    function doubleQuotedValue2(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd2 = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd2, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd2, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent: indent2, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent2 > 0 ? " ".repeat(indent2) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent: indent2, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body2 = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent: indent2, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent: indent2, source: "\n" });
          return { type: "block-scalar", offset, indent: indent2, props, source: body2 };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent: indent2, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent: indent2, source, end };
        default:
          return { type: "scalar", offset, indent: indent2, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent2 = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent2 === "number")
        indent2 += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header2 = token.props[0];
            if (header2.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header2.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent2 === null,
        indent: indent2 !== null && indent2 > 0 ? " ".repeat(indent2) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body2 = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header2 = token.props[0];
        if (header2.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header2.source = head;
        token.source = body2;
      } else {
        const { offset } = token;
        const indent2 = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent: indent2, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent: indent2, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent: indent2, props, source: body2 });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent2 = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent: indent2, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep2, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep2)
        for (const st of sep2)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field2, index] of path) {
        const tok = item?.[field2];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field2 = path[path.length - 1][0];
      const coll = parent?.[field2];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field2 of ["key", "value"]) {
        const token = item[field2];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field2, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field2 === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM3 = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM3:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM3:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM3;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty2(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent2 = 0;
          while (ch === " ")
            ch = this.buffer[++indent2 + offset];
          if (ch === "\r") {
            const next = this.buffer[indent2 + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent2 + 1;
          }
          return ch === "\n" || indent2 >= this.indentNext || !ch && !this.atEnd ? offset + indent2 : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty2(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty2(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty2(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty2(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent2 = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent2 = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent2 !== -1 && indent2 < this.indentNext && line[0] !== "#" || indent2 === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty2(line[3])) {
          const atFlowEndMarker = indent2 === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty2(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote3 = this.charAt(0);
        let end = this.buffer.indexOf(quote3, this.pos + 1);
        if (quote3 === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty2(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent2 = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent2 += 1;
              break;
            case "\n":
              nl = i2;
              indent2 = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent2 >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent2;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent2 > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty2(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty2(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty2(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty2(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep2;
          if (scalar.end) {
            sep2 = scalar.end;
            sep2.push(this.sourceToken);
            delete scalar.end;
          } else
            sep2 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep2 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep2 = it.sep;
                  sep2.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep2 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep2 = fc.end.splice(1, fc.end.length);
            sep2.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep2 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent2) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent2)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent2 = Math.round(options);
        options = indent2 < 1 ? void 0 : indent2 > 8 ? { indent: 8 } : { indent: indent2 };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/analysis/findings/quote.ts
function longestBacktickRun(text) {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  return longest;
}
function quote(value) {
  const text = String(value);
  if (text === "") return '""';
  const fence = "`".repeat(longestBacktickRun(text) + 1);
  const pad = /^`|`$/.test(text) || stripsSpaces(text) ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
function stripsSpaces(content) {
  const spaced = content.replace(/\r\n?|\n/g, " ");
  return spaced.startsWith(" ") && spaced.endsWith(" ") && /[^ ]/.test(spaced);
}
function parseMessage(message) {
  const runs = [...message.matchAll(/`+/g)].map((m) => ({ at: m.index, length: m[0].length }));
  const closer = new Array(runs.length).fill(-1);
  const lastOfLength = /* @__PURE__ */ new Map();
  for (let i = runs.length - 1; i >= 0; i--) {
    const length = runs[i]?.length ?? 0;
    closer[i] = lastOfLength.get(length) ?? -1;
    lastOfLength.set(length, i);
  }
  const parts = [];
  const push3 = (code, text) => {
    if (text !== "" || code) parts.push({ code, text });
  };
  let textFrom = 0;
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i];
    const close = runs[closer[i] ?? -1];
    if (open === void 0 || close === void 0) continue;
    push3(false, message.slice(textFrom, open.at));
    push3(true, codeContent(message.slice(open.at + open.length, close.at)));
    textFrom = close.at + close.length;
    i = closer[i] ?? i;
  }
  push3(false, message.slice(textFrom));
  return parts;
}
function codeContent(raw) {
  const spaced = raw.replace(/\r\n?|\n/g, " ");
  return stripsSpaces(spaced) ? spaced.slice(1, -1) : spaced;
}

// src/analysis/findings/catalogue.ts
var catalogue = {
  // ---- MG0xx: loading and validation ---------------------------------------------------------
  MG001: {
    name: "yaml-syntax-error",
    severity: "error",
    title: "YAML syntax error",
    message: (p) => `YAML syntax error: ${p.detail}`,
    partialInput: true,
    help: "Fix the YAML syntax. The other documents in this file and the other files are still analysed.",
    description: "The document could not be parsed. meshguard skips the broken document, keeps every other document, and reports the exact line."
  },
  MG002: {
    name: "duplicate-key",
    severity: "error",
    title: "Duplicate mapping key",
    message: (p) => `key ${quote(p.key)} appears twice in the same mapping`,
    help: "Remove one of the two keys. kubectl rejects duplicate fields; meshguard keeps the last one, as a lenient JSON decoder would.",
    description: "YAML forbids duplicate keys in one mapping. Kubernetes decoders either reject the object or silently keep the last value, so the manifest may not mean what it says."
  },
  MG003: {
    name: "alias-limit-exceeded",
    severity: "error",
    title: "Too many YAML alias expansions",
    message: (p) => `YAML aliases expand to more than ${p.limit} nodes; the document was not read`,
    partialInput: true,
    help: 'Expand the anchors by hand or reduce their nesting. This limit protects against "billion laughs" documents.',
    description: "Anchors and aliases are expanded while loading. A document whose aliases expand beyond the limit is rejected rather than exhausting memory."
  },
  MG004: {
    name: "template-not-rendered",
    severity: "warning",
    title: "Template file not rendered",
    message: (p) => `file looks like a ${p.tool} template and was not analysed`,
    help: "Render the templates first (`helm template ...` or `kustomize build ...`) and point meshguard at the output, or use the `render` option in .github/meshguard.yml.",
    description: "Files containing Go template actions (`{{ ... }}`) are not YAML manifests until rendered. meshguard reports them instead of reading them as garbage."
  },
  MG005: {
    name: "file-unreadable",
    severity: "error",
    title: "File could not be read",
    message: (p) => `file could not be read: ${p.detail}`,
    partialInput: true,
    help: "Check the file exists, is readable and is UTF-8 text.",
    description: "The file could not be read at all. The analysis continues with the other files, but the answer is partial, so the CLI exits with status 2."
  },
  MG006: {
    name: "obsolete-api",
    severity: "warning",
    title: "Obsolete Istio API",
    message: (p) => `${quote(`${p.apiVersion} ${p.kind}`)} was removed from Istio and is ignored; use ${p.replacement}`,
    help: "Rewrite the object with the current API. Istio no longer reads it, so it has no effect in the mesh.",
    description: "Istio removed authentication.istio.io/v1alpha1 (Policy, MeshPolicy) and rbac.istio.io (ServiceRole, ServiceRoleBinding, ClusterRbacConfig). Objects of those kinds do nothing in a current mesh."
  },
  MG007: {
    name: "unknown-api-version",
    severity: "error",
    title: "Unknown API version",
    message: (p) => `${quote(p.kind)} with apiVersion ${quote(p.apiVersion)} is not served by Istio (expected ${p.known}); the object cannot be applied`,
    help: "Use one of the supported API versions. meshguard analyses the mesh without this object, as the cluster would have it.",
    description: "Istio serves security.istio.io v1 and v1beta1, and networking.istio.io v1, v1beta1 and v1alpha3. Other versions are rejected by the API server."
  },
  MG008: {
    name: "missing-required-field",
    severity: "error",
    title: "Required field missing",
    message: (p) => `${quote(p.kind)} has no ${quote(p.field)}`,
    help: "Add the field; the object cannot be applied without it.",
    description: "A field the API server requires is missing, so the object would be rejected."
  },
  MG009: {
    name: "invalid-field-type",
    severity: "error",
    title: "Field has the wrong type",
    message: (p) => `${quote(p.field)} must be ${p.expected}, not ${p.actual}`,
    help: "Quote values that must be strings (label and annotation values, for example): YAML reads `true`, `on` and `8080` as other types.",
    description: "The value has a type the Kubernetes or Istio API does not accept. The field is ignored by the analysis, which treats it as absent."
  },
  MG010: {
    name: "unknown-field",
    severity: "warning",
    title: "Unknown field",
    message: (p) => `${quote(p.field)} is not a field of ${p.kind}; it is ignored`,
    help: "Check the spelling and the indentation. A misplaced field is silently dropped by the API server.",
    description: "The field is not part of the Istio API at this position. A typo such as `principal` for `principals`, or a field indented one level too deep, changes what the policy matches."
  },
  MG011: {
    name: "invalid-enum-value",
    severity: "error",
    title: "Invalid value",
    message: (p) => `${quote(p.field)} is ${quote(p.value)}, which is not one of ${p.allowed}`,
    help: "Use one of the allowed values (they are case-sensitive).",
    description: "Istio rejects an object whose enum field has an unknown value, such as `action: ALOW` or `mode: STRIKT`. meshguard reports it and analyses the object as Istio would never have accepted it: as absent."
  },
  MG012: {
    name: "duplicate-object",
    severity: "error",
    title: "Object defined twice",
    message: (p) => `${p.ref} is also defined at ${p.other}`,
    help: "Keep one definition. The later one would overwrite the earlier one when applied.",
    description: "Two documents define the same kind, namespace and name. Applying both keeps only the last; meshguard analyses the last one and reports the first."
  },
  MG013: {
    name: "invalid-selector",
    severity: "error",
    title: "Invalid workload selector",
    message: (p) => `invalid selector: ${p.detail}`,
    help: "Istio workload selectors take only `matchLabels`, with exact label keys and values (no wildcards).",
    description: "WorkloadSelector (`istio/api:type/v1beta1/selector.proto`) has only `matchLabels`. The CRD schema prunes `matchExpressions` silently, so the policy selects more workloads than written; meshguard analyses it as Istio would, without them."
  },
  MG014: {
    name: "port-level-mtls-without-selector",
    severity: "error",
    title: "portLevelMtls without a selector",
    message: () => "`portLevelMtls` requires a workload selector; Istio rejects this PeerAuthentication",
    help: "Add a `selector.matchLabels` that picks the workload, or move the port exception to a workload policy.",
    description: 'Mesh- and namespace-wide PeerAuthentications cannot have port-level settings (CRD rule "portLevelMtls requires selector"; `ValidatePeerAuthentication`). The policy is rejected as a whole.'
  },
  MG015: {
    name: "deny-without-rules",
    severity: "error",
    title: "DENY or CUSTOM policy without rules",
    message: (p) => `a ${p.action} policy without \`rules\` is rejected by Istio and has no effect`,
    help: "To deny everything, write `rules: [{}]`. To allow nothing, use an ALLOW policy without rules.",
    description: "Validation rejects DENY and CUSTOM policies without rules as meaningless; if one reaches istiod anyway, it matches nothing."
  },
  MG016: {
    name: "invalid-value",
    severity: "error",
    title: "Invalid field value",
    message: (p) => `${quote(p.field)} value ${quote(p.value)} is invalid: ${p.reason}`,
    help: "Istio rejects the whole object when one value is invalid.",
    description: "The value fails Istio validation (`pkg/config/validation/validation.go`): empty strings, malformed CIDRs or ports, path templates with operators in the wrong place, and similar."
  },
  MG017: {
    name: "unknown-condition-key",
    severity: "error",
    title: "Unknown `when` key",
    message: (p) => `${quote(p.key)} is not a condition key Istio accepts: ${p.reason}`,
    help: "See https://istio.io/latest/docs/reference/config/security/conditions/ for the supported keys.",
    description: "Istio validation rejects unknown `when` keys and the removed `destination.labels`, `destination.namespace`, `destination.name` and `destination.user` keys."
  },
  MG018: {
    name: "custom-provider-mismatch",
    severity: "error",
    title: "CUSTOM action and provider do not match",
    message: (p) => p.detail,
    help: "A CUSTOM policy needs `provider.name`; other actions must not set a provider.",
    description: "Validation requires `provider` exactly when `action: CUSTOM`. A CUSTOM policy whose provider is not in `meshConfig.extensionProviders` denies every request it matches."
  },
  MG019: {
    name: "empty-match-clause",
    severity: "error",
    title: "Empty match clause",
    message: (p) => `${quote(p.field)} is present but empty; Istio rejects it`,
    help: 'Remove the empty clause, or fill it in. An absent clause means "no constraint"; an empty one is invalid.',
    description: "Validation rejects `from: []`, `to: []`, a `source` or `operation` with no fields, and a `when` condition with neither `values` nor `notValues`."
  },
  MG020: {
    name: "selector-and-target-refs",
    severity: "error",
    title: "Both selector and targetRefs",
    message: () => "`selector` and `targetRef`/`targetRefs` cannot be used together",
    help: "Keep one: `selector` for sidecars and ztunnel, `targetRefs` for waypoints and gateways.",
    description: "The CRD makes `selector` and `targetRef(s)` mutually exclusive."
  },
  MG021: {
    name: "invalid-mesh-config",
    severity: "error",
    title: "Mesh configuration could not be read",
    message: (p) => `mesh configuration could not be read: ${p.detail}`,
    help: "Fix the `mesh` key of the istio ConfigMap (it is YAML inside a string) or the IstioOperator/Helm values.",
    description: "meshguard reads the root namespace, trust domain, aliases and auto mTLS from MeshConfig. When it cannot, it keeps the defaults and says so."
  },
  MG022: {
    name: "conflicting-mesh-config",
    severity: "warning",
    title: "Mesh configuration set twice",
    message: (p) => `${quote(p.setting)} is set again here to ${quote(p.value)}; the value at ${p.other} is used`,
    help: "Keep one source of mesh configuration per tree, or set the value in .github/meshguard.yml.",
    description: "More than one ConfigMap, IstioOperator or values file sets the same MeshConfig field. meshguard uses the first in path order and reports the others."
  },
  MG023: {
    name: "empty-mapping-as-list",
    severity: "warning",
    title: "Empty mapping where a list is expected",
    message: (p) => `${quote(p.field)} is \`{}\` where a list is expected; read as an empty list`,
    help: "Write `[]`, or remove the field. The API server rejects `{}` for a list field.",
    description: "Generated or hand-edited dumps sometimes write an empty mapping for an empty list. meshguard reads it as the empty list that was meant and warns, instead of rejecting the whole object."
  },
  // ---- MG1xx: mTLS ---------------------------------------------------------------------------
  MG101: {
    name: "mtls-weakened",
    severity: "warning",
    title: "mTLS weakened on a workload port",
    message: (p) => `${quote(p.workload)} ${p.ports} ${p.head}${p.level}, was ${p.base}: ${p.consequence}`,
    help: "If plaintext callers still need the port, keep the exception as narrow as possible (one workload, one container port) and plan its removal. Otherwise restore STRICT.",
    description: "The effective PeerAuthentication mode of a workload port became weaker: STRICT to PERMISSIVE or DISABLE, PERMISSIVE to DISABLE, or the sidecar went away. Istio resolves the mode per port from the mesh, namespace, workload and port-level policies (istio-semantics \xA71.2, `ComposePeerAuthentication`). The finding points at the line that decided the new mode, or at the deleted policy."
  },
  MG102: {
    name: "edge-broken",
    severity: "error",
    title: "Connection newly broken",
    message: (p) => `${p.from} can no longer connect to ${quote(p.to)} port ${p.port}: ${p.reason}`,
    help: "Check what the client originates (sidecar, DestinationRule TLS, auto mTLS) against what the port accepts. `meshguard graph` shows both sides with their evidence.",
    description: "A call that worked in the base manifests fails in the head: plaintext to a STRICT port, Istio mTLS to a port without a sidecar or with DISABLE, TLS that is not Istio mTLS to a STRICT port, or a call dropped by REGISTRY_ONLY (istio-semantics \xA71.5, \xA72.7). Callers from outside the manifests sending plaintext are not reported: rejecting them is what STRICT is for."
  },
  MG103: {
    name: "edge-lost-mtls",
    severity: "warning",
    title: "Connection no longer mutually authenticated",
    message: (p) => `calls from ${p.from} to ${quote(p.to)} port ${p.port} are no longer mutually authenticated: ${p.reason}`,
    help: "Identity-based AuthorizationPolicy rules (principals, namespaces) no longer match these callers, and the traffic is not encrypted by the mesh.",
    description: "A call that arrived over Istio mTLS in the base now arrives in plaintext: the server learns no peer identity (istio-semantics \xA75), so positive identity rules stop matching and negative ones start matching."
  },
  MG104: {
    name: "destination-rule-breaks-strict",
    severity: "error",
    title: "DestinationRule TLS toward a STRICT port",
    message: (p) => `this DestinationRule makes clients send ${p.mode} to the STRICT port ${quote(p.target)}${p.count > 1 ? ` and ${p.count - 1} other STRICT port(s)` : ""}: those connections fail`,
    help: "Use `tls: {mode: ISTIO_MUTUAL}` for in-mesh destinations, or drop the `tls` block to let auto mTLS decide. `tls: {}` means DISABLE.",
    description: "A DestinationRule TLS mode other than ISTIO_MUTUAL (DISABLE, SIMPLE, MUTUAL, or a `tls` block without `mode`) replaces auto mTLS for the host or port; a STRICT server then rejects the connection (istio-semantics \xA72.1, \xA72.7; Kiali KIA0207/KIA0208)."
  },
  MG105: {
    name: "destination-rule-mtls-without-sidecar",
    severity: "error",
    title: "ISTIO_MUTUAL toward a port that cannot terminate it",
    message: (p) => `this DestinationRule makes clients send Istio mTLS to ${quote(p.target)}, which ${p.why}${p.count > 1 ? ` (and to ${p.count - 1} other port(s) that cannot terminate it)` : ""}: those connections fail`,
    help: "Remove `tls` (auto mTLS sends plaintext to workloads without a sidecar and to DISABLE ports), or scope the rule with `portLevelSettings`.",
    description: "An explicit ISTIO_MUTUAL is sent to every endpoint, including those without a sidecar and ports whose PeerAuthentication is DISABLE; they cannot terminate it (istio-semantics \xA72.1, \xA72.7; retired analyzer IST0115)."
  },
  MG106: {
    name: "credential-name-without-selector",
    severity: "warning",
    title: "credentialName ignored on sidecars",
    message: (p) => `\`credentialName\` is ignored on sidecars when the DestinationRule has no \`workloadSelector\`: ${p.client} sends plaintext to ${quote(p.host)}`,
    help: "Add a `workloadSelector` for the clients that should originate TLS, or originate TLS at an egress gateway.",
    description: "On a sidecar, SIMPLE or MUTUAL TLS with a `credentialName` is only applied when the DestinationRule has a `workloadSelector`; otherwise no TLS context is built and the connection leaves in plaintext (`buildUpstreamClusterTLSContext`, istio-semantics \xA72.1)."
  },
  MG107: {
    name: "root-peer-authentication-with-selector",
    severity: "warning",
    title: "PeerAuthentication with a selector in the root namespace",
    message: (p) => `PeerAuthentication ${quote(`${p.namespace}/${p.name}`)} has a selector but is in the root namespace, so Istio ignores it`,
    help: "Move the policy to the namespace of the workloads it should select, or remove the selector to make it mesh-wide.",
    description: "Istio treats a root-namespace PeerAuthentication without a selector as mesh-wide and ignores one with a selector; it does not select workloads in other namespaces (istio-semantics \xA71.1; `ComposePeerAuthentication`). AuthorizationPolicy behaves differently."
  },
  MG108: {
    name: "conflicting-peer-authentications",
    severity: "warning",
    title: "Conflicting PeerAuthentications",
    message: (p) => `this ${p.level} PeerAuthentication is ignored: ${quote(p.winner)} applies instead (${p.why})`,
    help: "Keep one policy per level: one mesh-wide, one per namespace, one per workload. Merge the settings into the one that should apply.",
    description: "Istio uses only the oldest policy at each level (by `creationTimestamp`, then name) and ignores the others entirely, port-level settings included (istio-semantics \xA71.3). Manifests rarely carry creation times: meshguard treats objects a change adds as newer than those already there, and falls back on the name order between objects of the same side, which may differ from the order they were really created in."
  },
  MG109: {
    name: "selector-matches-nothing",
    severity: "warning",
    title: "Selector matches no workload",
    message: (p) => `this ${p.kind} selects no workload in ${quote(p.namespace)}`,
    help: "Check the labels against the pod template labels (not the Deployment labels) of the workloads it should select.",
    description: "A PeerAuthentication or DestinationRule workload selector that matches no pod in its namespace has no effect (Kiali KIA0004, analyzer IST0127)."
  },
  MG110: {
    name: "port-level-mtls-unknown-port",
    severity: "warning",
    title: "portLevelMtls on a port the workload does not expose",
    message: (p) => `port ${p.port} is not a port of any workload this policy selects${p.hint}`,
    help: "`portLevelMtls` keys are container (target) ports, not Service ports.",
    description: "PeerAuthentication port-level settings are keyed by the workload port the sidecar receives on, after the Service `targetPort` is resolved (istio-semantics \xA71.4). A key that is a Service port, or no port at all, changes nothing on the ports that are used."
  },
  MG111: {
    name: "auto-mtls-gated-off",
    severity: "error",
    title: "STRICT workload behind a DISABLE namespace (auto mTLS gap)",
    message: (p) => `clients send plaintext to ${quote(p.target)}${p.count > 1 ? ` and ${p.count - 1} other port(s)` : ""} because ${quote(p.namespace)} is DISABLE at namespace or mesh level, but this policy makes it STRICT: those connections fail`,
    help: "Add a DestinationRule with `tls: {mode: ISTIO_MUTUAL}` for the host, or lift the namespace or mesh DISABLE.",
    description: "Auto mTLS decides per Service from the namespace-level (or mesh) PeerAuthentication only; a workload or port-level STRICT under a namespace DISABLE is invisible to it, so clients send plaintext and the server rejects it (istio/istio#56084, istio-semantics \xA72.3)."
  },
  MG112: {
    name: "permissive-without-plaintext-clients",
    severity: "notice",
    title: "PERMISSIVE with no plaintext client in the manifests",
    message: (p) => `no workload in the manifests sends plaintext to the ${p.count} port(s) this PERMISSIVE policy covers; STRICT would only reject callers outside the mesh`,
    help: "If nothing outside these manifests calls in plaintext, switch to STRICT to finish the mTLS migration.",
    description: "PERMISSIVE accepts plaintext with no peer identity. It is meant for migrations; once every client has a sidecar it only leaves a door open (istio-semantics \xA71.5, \xA75)."
  },
  MG113: {
    name: "destination-rule-selector-shadows",
    severity: "warning",
    title: "Selector DestinationRule hides other rules from the rest of the namespace",
    message: (p) => `clients in ${quote(p.namespace)} that this rule does not select get no DestinationRule for ${quote(p.host)}: the rule hides ${p.shadowed} from them`,
    help: "Add a DestinationRule without `workloadSelector` for the same host in this namespace, carrying the settings the other clients need.",
    description: "The lookup stops at the first namespace (client, then service, then root) with a rule for the host; a client not selected by a `workloadSelector` rule found there then gets no rule at all (`SidecarScope.DestinationRule`, istio-semantics \xA72.4)."
  },
  MG114: {
    name: "namespace-not-declared",
    severity: "notice",
    title: "Namespace labels unknown",
    message: (p) => `namespace ${quote(p.namespace)} is not in the manifests; meshguard assumes it is labelled for sidecar injection`,
    help: "Add the Namespace object with its labels (`istio-injection`, `istio.io/rev`, `istio.io/dataplane-mode`) so injection is known, not assumed.",
    description: "Sidecar injection depends on namespace labels (istio-semantics \xA76.1). Without them meshguard assumes injection, so that policies are taken as enforced; answers that depend on it are marked inexact."
  },
  MG115: {
    name: "mtls-not-modelled",
    severity: "notice",
    title: "Transport not modelled exactly",
    message: (p) => p.detail,
    help: "The affected answers are marked inexact in `meshguard graph`. Check them in the cluster (`istioctl proxy-config`).",
    description: "Some inputs change the transport in ways meshguard does not model: DestinationRule subsets chosen by VirtualService routes, and ambient mode hops between ztunnel and sidecars (HBONE depends on installation settings) or through waypoints."
  },
  MG116: {
    name: "tls-without-mode",
    severity: "warning",
    title: "`tls` without `mode` disables TLS",
    message: (p) => `\`tls\` without \`mode\` is DISABLE: clients send plaintext to ${quote(p.host)} and auto mTLS is off`,
    help: "Write `mode: ISTIO_MUTUAL` (in-mesh) or `mode: SIMPLE` (TLS origination), or remove the `tls` block to keep auto mTLS.",
    description: "Any `tls` block counts as user-supplied TLS settings, and the default mode is DISABLE (enum value 0), so `tls: {}` or `tls` with only certificates switches auto mTLS off for the host or port (istio-semantics \xA72.1)."
  },
  // ---- MG2xx: authorization ------------------------------------------------------------------
  MG201: {
    name: "principal-with-spiffe-prefix",
    severity: "warning",
    title: "Principal written with `spiffe://`",
    message: (p) => `principal ${quote(p.value)} starts with \`spiffe://\`, which Istio adds itself, so it never matches; ${p.effect}`,
    help: "Write principals as `<trust-domain>/ns/<namespace>/sa/<service-account>`, without `spiffe://`.",
    description: "Istio prefixes every principal with `spiffe://` when it builds the Envoy matcher (`srcPrincipalGenerator`), so a value that already has it becomes `spiffe://spiffe://\u2026` and matches no certificate (`istio-semantics.md` \xA73.6). In an ALLOW rule that denies what was meant to be allowed; in a DENY rule it denies nothing."
  },
  MG202: {
    name: "principal-without-trust-domain",
    severity: "warning",
    title: "Principal is not a full SPIFFE identity",
    message: (p) => `principal ${quote(p.value)} is not \`<trust-domain>/ns/<namespace>/sa/<service-account>\`, so it never matches; ${p.effect}`,
    help: "Start the principal with the trust domain, e.g. `cluster.local/ns/foo/sa/bar`, or use `namespaces`/`serviceAccounts`, or a `*` prefix to match any trust domain.",
    description: "Principals are compared with the whole URI SAN `spiffe://<trust-domain>/ns/<ns>/sa/<sa>` of the peer certificate. A value without the trust domain, or in another shape, matches nothing (`istio-semantics.md` \xA73.6)."
  },
  MG203: {
    name: "allow-http-fields-on-tcp",
    severity: "error",
    title: "ALLOW rule with HTTP-only fields on a TCP port",
    message: (p) => `this ALLOW rule uses HTTP-only ${quote(p.field)} but applies to TCP ${p.ports}; Istio drops the rule there, so it allows nothing on those ports`,
    help: "Split the rule: keep HTTP fields in a rule scoped to HTTP ports (`ports`), and allow TCP traffic with a rule that uses only sources and `ports`. Or name the Service port `http-\u2026` if the traffic is HTTP.",
    description: 'On a TCP filter chain the sidecar cannot see methods, paths, hosts, headers or JWT claims. For ALLOW, Istio skips the whole rule ("skipped rule \u2026 on TCP filter chain", `model.go` `checkError`), which makes the policy narrower: with no other matching rule every TCP connection is denied (`istio-semantics.md` \xA74.3; task authz-tcp).'
  },
  MG204: {
    name: "deny-http-fields-on-tcp",
    severity: "warning",
    title: "DENY rule with HTTP-only fields on a TCP port",
    message: (p) => `this ${p.action} rule uses HTTP-only ${quote(p.field)}, which Istio ignores on TCP ${p.ports}; there it matches every connection its other conditions allow`,
    help: "Scope the rule to HTTP ports with `ports`, so the TCP chain does not see it.",
    description: 'For DENY, AUDIT and CUSTOM, Istio removes the HTTP-only conditions on a TCP chain and keeps the rest, which makes the rule broader: `to: [{operation: {methods: [GET]}}]` alone denies all TCP traffic (`istio-semantics.md` \xA74.3; validation warns with "will deny all traffic to TCP ports").'
  },
  MG205: {
    name: "deny-bypassed-by-plaintext",
    severity: "warning",
    title: "DENY on identities is bypassed by plaintext",
    message: (p) => `this DENY rule matches on ${quote(p.field)}, but ${p.ports} accepts plaintext, which carries no identity: plaintext callers are not denied`,
    help: 'Make the port STRICT with a PeerAuthentication, or add a DENY rule `from: [{source: {notPrincipals: ["*"]}}]` to reject callers without identity.',
    description: "Identity fields read the verified peer certificate. A plaintext request (possible under PERMISSIVE or DISABLE) has none, so positive identity matches fail and the DENY does not fire (`istio-semantics.md` \xA75; ISTIO-SECURITY-2021-004)."
  },
  MG206: {
    name: "negative-identity-allows-plaintext",
    severity: "warning",
    title: "ALLOW on `notNamespaces`/`notPrincipals` lets plaintext through",
    message: (p) => `this ALLOW rule matches on ${quote(p.field)}, and ${p.ports} accepts plaintext: a caller without identity satisfies every negative identity match and is allowed`,
    help: 'Add a positive match next to the negative one (`namespaces: ["*"]` or `principals: ["*"]`), or make the port STRICT.',
    description: 'Negative identity fields are true when the request has no identity at all, so `notNamespaces: ["foo"]` also allows plaintext callers, including ones from `foo` (`istio-semantics.md` \xA75).'
  },
  MG207: {
    name: "selector-matches-no-workload",
    severity: "warning",
    title: "AuthorizationPolicy selects no workload",
    message: (p) => `selector ${quote(p.selector)} matches no workload in the manifests; the policy has no effect here`,
    help: "Check the labels against the pod template labels (not the Deployment labels), or remove the policy.",
    description: "A policy applies to pods whose labels include every `matchLabels` pair (in its namespace, or in every namespace for the root namespace). None of the analysed workloads matches (analyzer IST0127)."
  },
  MG208: {
    name: "target-refs-ignored-by-sidecars",
    severity: "notice",
    title: "Policy with targetRefs is ignored by sidecars",
    message: (p) => `this policy targets ${p.targets}; sidecars and ztunnel ignore policies with \`targetRefs\`, so it is enforced only by waypoints or gateways`,
    help: "Use `selector` for sidecar workloads; keep `targetRefs` for waypoints and Gateway API gateways. meshguard does not evaluate waypoint policies.",
    description: "`ShouldAttachPolicy` ignores any policy with `targetRef(s)` on non-gateway proxies (`istio-semantics.md` \xA73.1). meshguard reports it and leaves it out of sidecar access."
  },
  MG209: {
    name: "custom-provider-unknown",
    severity: "error",
    title: "CUSTOM provider not defined",
    message: (p) => `provider ${quote(p.provider)} is not in \`meshConfig.extensionProviders\`; Istio denies every request this policy matches`,
    help: "Define the provider in `meshConfig.extensionProviders`, or fix its name.",
    description: "When the CUSTOM provider is missing or invalid, istiod generates an RBAC DENY for the policy's rules instead of the ext_authz filter (`getBadCustomDenyRules` in `builder.go`)."
  },
  MG210: {
    name: "custom-multiple-providers",
    severity: "error",
    title: "Several CUSTOM providers on one workload",
    message: (p) => `${quote(p.workload)} gets CUSTOM policies with providers ${p.providers}; without \`PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS\` Istio denies every request they match`,
    help: "Use one provider per workload, or enable the feature flag in istiod.",
    description: "Istio supports one CUSTOM provider per workload unless the feature flag is set; otherwise it fails closed for the matching requests (`builder.go`)."
  },
  MG211: {
    name: "dry-run-policy",
    severity: "notice",
    title: "Dry-run policy",
    message: (p) => `this ${p.action} policy is annotated \`istio.io/dry-run\` and is not enforced`,
    help: "Remove the annotation when the shadow results look right. A dry-run ALLOW does not turn on default-deny.",
    description: "Dry-run policies only produce shadow results (`builder.go` `isDryRun`); access is computed without them. The annotation is admitted on ALLOW and DENY policies only, with a value Go's `strconv.ParseBool` reads (`1`, `t`, `true`, `True`, `TRUE`...); anything else is rejected by the validation webhook (`checkDryRunAnnotation`) and reported as MG016."
  },
  MG212: {
    name: "allow-all-rule",
    severity: "warning",
    title: "ALLOW rule that matches every request",
    message: (p) => `this empty ALLOW rule allows every request to ${p.scope}; every other ALLOW policy there becomes irrelevant`,
    help: "Replace `rules: [{}]` with rules naming the callers and operations that should be allowed.",
    description: "A rule without `from`, `to` or `when` matches everything, and ALLOW policies are ORed, so the selected workloads accept every request that no DENY rule rejects (`istio-semantics.md` \xA73.2)."
  },
  MG213: {
    name: "unknown-http-method",
    severity: "warning",
    title: "Unknown HTTP method",
    message: (p) => `method ${quote(p.value)} is not a standard HTTP method; methods are case-sensitive, so it matches only requests sent with exactly that method`,
    help: "Use upper-case method names (`GET`, `POST`, \u2026); gRPC requests are always `POST`.",
    description: "`methods` compares the `:method` header exactly (case-sensitive). A value like `get` or `Fetch` matches no request from ordinary clients (Kiali KIA0102)."
  },
  MG214: {
    name: "host-without-port",
    severity: "notice",
    title: "Host without port",
    message: (p) => `host ${quote(p.value)} has no port; clients usually send ${quote(`Host: ${p.value}:<port>`)} on non-default ports, which it does not match`,
    help: "Add the port (`host:8000`), use `host:*`, or a prefix such as `host*`.",
    description: "`hosts` matches the whole `:authority` header (case-insensitively), which includes the port unless it is the scheme default (`istio-semantics.md` \xA73.4)."
  },
  MG215: {
    name: "condition-not-modelled",
    severity: "notice",
    title: "Condition approximated",
    message: (p) => `meshguard does not model ${quote(p.key)} here; it assumes the fail-safe answer (${p.effect}) and marks results approximate`,
    help: "Review access through this rule by hand. The approximation narrows what is reported as allowed.",
    description: "Some attributes cannot be evaluated statically: `experimental.envoy.filters.*` metadata and list-valued JWT claims outside a plain ALLOW match. meshguard treats them fail-safe: an ALLOW condition never matches and a DENY condition always matches."
  },
  MG216: {
    name: "ambient-not-evaluated",
    severity: "notice",
    title: "Ambient workload not evaluated",
    message: (p) => `${quote(p.workload)} runs in ambient mode; its AuthorizationPolicies are enforced by ztunnel and waypoints, which meshguard does not evaluate`,
    help: "Review access to ambient workloads by hand. ztunnel enforces only L4 fields and skips DENY rules made of L7 fields only.",
    description: "ztunnel treats L7 fields differently from a sidecar (a DENY entry of only L7 fields never matches; no trust-domain alias rewriting), and waypoints enforce `targetRefs` policies (`istio-semantics.md` \xA74.4, \xA76.3). meshguard reports those edges as not evaluated rather than guessing."
  },
  MG217: {
    name: "jwt-without-request-authentication",
    severity: "warning",
    title: "JWT condition without RequestAuthentication",
    message: (p) => `${quote(p.field)} needs a validated token, but no RequestAuthentication applies to ${quote(p.workload)}; ${p.effect}`,
    help: "Add a RequestAuthentication for the workload with the issuer, or remove the condition.",
    description: "Without a RequestAuthentication no token is validated, so request principals and `request.auth.*` claims are always empty: positive matches never hold and negative ones always do (`istio-semantics.md` \xA75)."
  },
  MG218: {
    name: "namespace-glob-matches-service-account",
    severity: "warning",
    title: "Namespace pattern also matches the service-account segment",
    message: (p) => `namespace pattern ${quote(p.value)} also matches identities from other namespaces: Istio's regex ${quote(`.*/ns/${p.value.replace(/\*/g, ".*")}/.*`)} can end at the \`/sa/\` segment`,
    help: "Use an exact namespace or a prefix pattern (`prod-*`); avoid a pattern that ends in `a` or `sa` after a `*`.",
    description: "Istio turns each `*` of a namespace value into `.*` in the regex `.*/ns/<value>/.*` over the whole SPIFFE URI (`srcNamespaceGenerator`). A `.*` can run past the namespace into `/sa/<service-account>`, so `*a` (or `x*sa`) matches every identity whose namespace starts with the literal before the `*`."
  },
  // ---- MG3xx: access changes -----------------------------------------------------------------
  MG301: {
    name: "newly-allowed-unauthenticated",
    severity: "error",
    title: "Plaintext callers newly allowed",
    message: (p) => `callers without a mesh identity can now reach ${quote(p.to)}${p.requests}`,
    help: "Require mTLS (a STRICT PeerAuthentication) or allow only named identities (`principals`, `namespaces`); negative matches such as `notNamespaces` also match callers that have no identity.",
    description: "A change lets `(unauthenticated)` traffic (a pod without a sidecar, a VM, anything reaching a PERMISSIVE port in plaintext) through where it was denied or limited before. In a zero-trust mesh this is the most serious regression: nobody can tell who the caller is."
  },
  MG302: {
    name: "newly-allowed-any-identity",
    severity: "error",
    title: "Any mesh identity newly allowed",
    message: (p) => `any workload in the mesh, in any namespace, can now reach ${quote(p.to)}${p.requests}`,
    help: "Name the callers that need access (`principals` or `namespaces`) instead of a wildcard or an allow-all rule.",
    description: 'A change grants access to `(any mesh identity)`: every workload of every namespace, including ones not in these manifests. Usually the result of `principals: ["*"]`, a rule without `from`, or a removed ALLOW policy.'
  },
  MG303: {
    name: "newly-allowed-cross-namespace",
    severity: "warning",
    title: "Access newly granted across namespaces",
    message: (p) => `${quote(p.from)} can now reach ${quote(p.to)} in another namespace${p.requests}`,
    help: "Check that the other team expects this caller; narrow the rule to the methods and paths it needs.",
    description: "A workload of one namespace gains access to a workload of another. Namespaces are usually trust boundaries between teams, so such grants deserve a second look."
  },
  MG304: {
    name: "newly-allowed-sensitive-port",
    severity: "error",
    title: "Access newly granted to a sensitive port",
    message: (p) => `${quote(p.from)} can now reach the sensitive port ${p.port} of ${quote(p.to)}`,
    help: "Datastores, admin and debug ports should be reachable only by the workloads that own them. The list of sensitive ports is configurable (`sensitivePorts`).",
    description: "A change opens a port that commonly carries data or administration (databases, caches, search, etcd, SSH by default) to a new caller."
  },
  MG305: {
    name: "default-deny-removed",
    severity: "error",
    title: "Default-deny policy removed or weakened",
    message: (p) => `${p.policy} ${p.how}`,
    help: "Keep an allow-nothing policy (an ALLOW policy without rules) in the namespace or the root namespace, and grant access with specific ALLOW policies.",
    description: "An allow-nothing policy (ALLOW with no rules) makes every workload in its scope deny by default; a deny-all policy (DENY with an empty rule) denies everything. Removing one, or giving it rules, opens every workload it covered that has no other ALLOW policy."
  },
  MG306: {
    name: "protected-workload-not-strict",
    severity: "error",
    title: "Protected workload not STRICT",
    message: (p) => `protected workload ${quote(p.workload)} accepts ${p.mode} traffic on port ${p.port}; it must stay STRICT`,
    help: "Keep a STRICT PeerAuthentication for this workload, or change `protected` in .github/meshguard.yml if the protection no longer applies.",
    description: "The configuration lists namespaces and workloads whose every port must require mutual TLS. The change leaves a port of one of them PERMISSIVE, DISABLE or without a sidecar."
  },
  MG307: {
    name: "new-workload-open",
    severity: "warning",
    title: "New workload open to callers outside its policies",
    message: (p) => `new workload ${quote(p.workload)} accepts ${p.who} on port ${p.port}`,
    help: "Add an AuthorizationPolicy for the new workload (or make sure a namespace or mesh default-deny covers it).",
    description: "A workload added by the change accepts requests from `(unauthenticated)` or `(any mesh identity)` callers on some port: no policy restricts it yet."
  },
  MG308: {
    name: "new-workload-reaches-other-namespaces",
    severity: "notice",
    title: "New workload reaches other namespaces",
    message: (p) => `new workload ${quote(p.workload)} can reach ${p.count} workload port${p.count === 1 ? "" : "s"} in other namespaces: ${p.targets}`,
    help: "Check that every grant it inherits (namespace-wide or wildcard principals, no ALLOW policy at all) is meant for it; workloads added later inherit them too.",
    description: "Added workloads are reported once, not as edge changes, but they become callers too: policies that allow a whole namespace, wildcard principals or no policy at all let them in. This lists what a new workload can reach outside its own namespace."
  },
  MG309: {
    name: "deny-no-longer-applies",
    severity: "error",
    title: "A DENY rule no longer stops a caller",
    message: (p) => `${quote(p.from)} can now reach ${quote(p.to)}${p.requests}, which DENY ${quote(p.policy)} ${p.rule} stopped before the change`,
    help: "If the DENY was meant to stop applying, ignore this finding with that reason; otherwise restore the rule, or undo what made it stop matching (a service account, a plaintext hop, a namespace, a label).",
    description: "An explicit DENY is the strongest statement a policy makes, and it can stop applying without being edited: deleted, narrowed, its selector missing the workload, or the caller's identity changed (another service account, a DestinationRule that sends plaintext so principals and namespaces no longer match). meshguard reports requests that a base DENY rule matched for this caller and that the head allows."
  },
  // ---- MG9xx: limits and internal ------------------------------------------------------------
  MG901: {
    name: "analysis-limit",
    severity: "warning",
    title: "Analysis limit reached",
    message: (p) => p.detail,
    help: "The answer is still correct for what was analysed; see the message for what was left out.",
    description: "A size limit was reached and part of the input was summarised or left out."
  }
};
function isPartialInput(code) {
  const entry = catalogue[code];
  return entry.partialInput === true;
}
function isCode(value) {
  return Object.hasOwn(catalogue, value);
}

// src/analysis/load/yaml/fast-scanner.ts
var Unsupported = class extends Error {
};
var UNSUPPORTED = new Unsupported("outside the fast-path subset");
function unsupported() {
  throw UNSUPPORTED;
}
var TAB = 9;
var LF = 10;
var SPACE = 32;
var DQUOTE = 34;
var HASH = 35;
var SQUOTE = 39;
var COMMA = 44;
var DASH = 45;
var DOT = 46;
var COLON = 58;
var GT = 62;
var LBRACKET = 91;
var BACKSLASH = 92;
var RBRACKET = 93;
var LBRACE = 123;
var PIPE = 124;
var RBRACE = 125;
var BOM = 65279;
var STOP_EOL = 0;
var STOP_COMMENT = 1;
var STOP_COLON = 2;
var STOP_FLOW = 3;
var MAX_DEPTH = 200;
function isBlankOrEnd(c) {
  return c === SPACE || c === LF || c === TAB || c !== c;
}
function isFlowIndicator(c) {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}
var Scanner = class {
  constructor(src) {
    this.src = src;
    this.len = src.length;
  }
  src;
  pos = 0;
  line = 1;
  lineStart = 0;
  indent = -1;
  /** Why the last `scanPlainLine` stopped: one of the `STOP_*` constants. */
  stop = 0;
  /** Nesting depth of block nodes being parsed. */
  depth = 0;
  len;
  code(offset) {
    return this.src.charCodeAt(offset);
  }
  /** True once `nextContentLine` found no further content. */
  atEnd() {
    return this.indent === -1;
  }
  /** Position of `offset`, which must lie on the current line. */
  at(offset) {
    return { line: this.line, column: offset - this.lineStart + 1 };
  }
  /** Moves past the line feed at `offset`. */
  newlineAt(offset) {
    this.pos = offset + 1;
    this.line++;
    this.lineStart = this.pos;
  }
  /** Advances the line bookkeeping over every line feed in `[from, to)` and moves to `to`. */
  advanceTo(from, to) {
    const src = this.src;
    let nl = src.indexOf("\n", from);
    while (nl !== -1 && nl < to) {
      this.line++;
      this.lineStart = nl + 1;
      nl = src.indexOf("\n", nl + 1);
    }
    this.pos = to;
  }
  /** Skips spaces and tabs on the current line. */
  skipInlineSpace() {
    let c = this.src.charCodeAt(this.pos);
    while (c === SPACE || c === TAB) c = this.src.charCodeAt(++this.pos);
  }
  /**
   * After a node that ends inside a line: the rest of the line may only hold white space and a
   * comment, and a comment must be separated from the node by white space (`yaml` reports
   * "Comments must be separated from other tokens by white space characters").
   */
  finishLine() {
    this.skipInlineSpace();
    let c = this.code(this.pos);
    if (c === HASH) {
      const before = this.code(this.pos - 1);
      if (before !== SPACE && before !== TAB) unsupported();
      const nl = this.src.indexOf("\n", this.pos);
      this.pos = nl === -1 ? this.len : nl;
      c = this.code(this.pos);
    }
    if (c === LF) this.newlineAt(this.pos);
    else if (this.pos < this.len) unsupported();
  }
  /**
   * From the start of a line, skips blank and comment-only lines and stops at the first
   * character of the next content line, recording its indentation. Tabs in indentation, a second
   * document marker and directive-like lines are all left to the reference.
   */
  nextContentLine(atDocumentStart = false) {
    const src = this.src;
    for (; ; ) {
      let i = this.pos;
      let c = src.charCodeAt(i);
      while (c === SPACE) c = src.charCodeAt(++i);
      if (c === LF) {
        this.newlineAt(i);
        continue;
      }
      if (c === HASH) {
        const nl = src.indexOf("\n", i);
        if (nl === -1) break;
        this.newlineAt(nl);
        continue;
      }
      if (i >= this.len) break;
      if (c === TAB) unsupported();
      this.pos = i;
      this.indent = i - this.lineStart;
      if (atDocumentStart) return;
      if (this.indent === 0 && (c === DASH || c === DOT) && this.atDocumentMarker()) unsupported();
      return;
    }
    this.pos = this.len;
    this.indent = -1;
  }
  /** `---` or `...` followed by white space or the end: a document boundary (c-forbidden). */
  atDocumentMarker() {
    const src = this.src;
    const p = this.pos;
    const c = src.charCodeAt(p);
    return src.charCodeAt(p + 1) === c && src.charCodeAt(p + 2) === c && (c === DASH || c === DOT) && isBlankOrEnd(src.charCodeAt(p + 3));
  }
};

// src/analysis/load/yaml/fast-block-scalar.ts
function parseBlockScalar(s, parentIndent) {
  const pos = s.at(s.pos);
  const header2 = parseHeader(s);
  const contentStart = s.pos;
  const end = contentEnd(s, contentStart, parentIndent + 1, header2);
  const source = s.src.slice(contentStart, end);
  const scalarIndent = parentIndent < 0 ? 0 : parentIndent;
  const value = blockValue(source, header2, scalarIndent, parentIndent < 0);
  s.advanceTo(contentStart, Math.min(end, s.len));
  s.nextContentLine();
  return { type: "scalar", value, plain: false, pos };
}
function parseHeader(s) {
  const src = s.src;
  const folded = src.charCodeAt(s.pos) === 62;
  let i = s.pos + 1;
  let chomp = "";
  let explicit = 0;
  for (; ; ) {
    const c2 = src.charCodeAt(i);
    if ((c2 === 45 || c2 === 43) && chomp === "") chomp = c2 === 45 ? "-" : "+";
    else if (c2 >= 49 && c2 <= 57 && explicit === 0) explicit = c2 - 48;
    else break;
    i++;
  }
  const c = src.charCodeAt(i);
  if (c !== SPACE && c !== LF && c === c) unsupported();
  s.pos = i;
  s.finishLine();
  return { folded, chomp, explicit };
}
function contentEnd(s, start, indentNext, header2) {
  const src = s.src;
  let nl = start - 1;
  let indent2 = 0;
  let i = start;
  for (; ; i++) {
    const c = src.charCodeAt(i);
    if (c === SPACE) indent2++;
    else if (c === LF) {
      nl = i;
      indent2 = 0;
    } else break;
  }
  if (indent2 >= indentNext) {
    if (header2.explicit === 0) indentNext = indent2;
    else indentNext = header2.explicit - 1 + (indentNext === 0 ? 1 : indentNext);
    do {
      const cs = continueScalar(s, nl + 1, indentNext);
      if (cs === -1) break;
      nl = src.indexOf("\n", cs);
    } while (nl !== -1);
    if (nl === -1) nl = s.len;
  }
  i = nl + 1;
  while (src.charCodeAt(i) === SPACE) i++;
  if (src.charCodeAt(i) === TAB) unsupported();
  if (header2.chomp !== "+") {
    for (; ; ) {
      let j = nl - 1;
      const lastChar = j;
      while (src.charCodeAt(j) === SPACE) j--;
      if (src.charCodeAt(j) === LF && j >= start && j + 1 + indent2 > lastChar) nl = j;
      else break;
    }
  }
  return nl + 1;
}
function continueScalar(s, offset, indentNext) {
  const src = s.src;
  if (indentNext > 0) {
    let indent2 = 0;
    let c2 = src.charCodeAt(offset);
    while (c2 === SPACE) c2 = src.charCodeAt(++indent2 + offset);
    return c2 === LF || indent2 >= indentNext ? offset + indent2 : -1;
  }
  const c = src.charCodeAt(offset);
  if ((c === 45 || c === 46) && src.charCodeAt(offset + 1) === c && src.charCodeAt(offset + 2) === c) {
    unsupported();
  }
  return offset;
}
function splitLines(source) {
  const split = source.split(/\n( *)/);
  const first2 = split[0] ?? "";
  const m = /^( *)/.exec(first2)?.[1] ?? "";
  const lines = [[m, first2.slice(m.length)]];
  for (let i = 1; i < split.length; i += 2) lines.push([split[i] ?? "", split[i + 1] ?? ""]);
  return lines;
}
function blockValue(source, header2, scalarIndent, atRoot) {
  const lines = source ? splitLines(source) : [];
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    if (lines[i][1] === "") chompStart = i;
    else break;
  }
  if (chompStart === 0) {
    return header2.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
  }
  let trimIndent = scalarIndent + header2.explicit;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent2, content] = lines[i];
    if (content === "") {
      if (header2.explicit === 0 && indent2.length > trimIndent) trimIndent = indent2.length;
      continue;
    }
    if (indent2.length < trimIndent) unsupported();
    if (header2.explicit === 0) trimIndent = indent2.length;
    contentStart = i;
    if (trimIndent === 0 && !atRoot) unsupported();
    break;
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i][0].length > trimIndent) chompStart = i + 1;
  }
  let value = "";
  for (let i = 0; i < contentStart; ++i)
    value += lines[i][0].slice(trimIndent) + "\n";
  value += header2.folded ? foldLines(lines, contentStart, chompStart, trimIndent) : literalLines(lines, contentStart, chompStart, trimIndent);
  if (header2.chomp === "+") {
    for (let i = chompStart; i < lines.length; ++i)
      value += "\n" + lines[i][0].slice(trimIndent);
    if (value[value.length - 1] !== "\n") value += "\n";
  } else if (header2.chomp === "") value += "\n";
  return value;
}
function literalLines(lines, from, to, trimIndent) {
  let value = "";
  let sep2 = "";
  for (let i = from; i < to; ++i) {
    const [indent2, content] = lines[i];
    if (content && indent2.length < trimIndent) unsupported();
    value += sep2 + indent2.slice(trimIndent) + content;
    sep2 = "\n";
  }
  return value;
}
function foldLines(lines, from, to, trimIndent) {
  let value = "";
  let sep2 = "";
  let prevMoreIndented = false;
  for (let i = from; i < to; ++i) {
    const [indent2, content] = lines[i];
    if (content && indent2.length < trimIndent) unsupported();
    if (indent2.length > trimIndent || content[0] === "	") {
      if (sep2 === " ") sep2 = "\n";
      else if (!prevMoreIndented && sep2 === "\n") sep2 = "\n\n";
      value += sep2 + indent2.slice(trimIndent) + content;
      sep2 = "\n";
      prevMoreIndented = true;
    } else if (content === "") {
      if (sep2 === "\n") value += "\n";
      else sep2 = "\n";
    } else {
      value += sep2 + content;
      sep2 = " ";
      prevMoreIndented = false;
    }
  }
  return value;
}

// src/analysis/load/yaml/fast-core-schema.ts
var NULL = /^(?:~|[Nn]ull|NULL)?$/;
var BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
var INT_OCT = /^0o[0-7]+$/;
var INT = /^[-+]?[0-9]+$/;
var INT_HEX = /^0x[0-9a-fA-F]+$/;
var FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
var FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
var FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
function resolvePlain(text) {
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57 || c === 43 || c === 45 || c === 46) return resolveNumber(text);
  switch (c) {
    case 126:
    // ~
    case 110:
    // n
    case 78:
      return NULL.test(text) ? null : text;
    case 116:
    // t
    case 84:
    // T
    case 102:
    // f
    case 70:
      return BOOL.test(text) ? c === 116 || c === 84 : text;
    default:
      return text;
  }
}
function resolveNumber(text) {
  if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
  if (FLOAT_NAN.test(text)) {
    if (text.slice(-3).toLowerCase() === "nan") return NaN;
    return text.charCodeAt(0) === 45 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}
function keyString(value) {
  return value === null ? "" : String(value);
}

// src/analysis/load/yaml/fast-pairs.ts
var pairStack = [];
var itemStack = [];
var pairTop = 0;
var itemTop = 0;
function resetStacks() {
  pairTop = 0;
  itemTop = 0;
  pairStack.length = 0;
  itemStack.length = 0;
}
var SCAN_LIMIT = 12;
var PairList = class {
  base = pairTop;
  index = null;
  add(key, keyPos, value) {
    const base = this.base;
    const end = pairTop;
    if (this.index !== null) {
      if (this.index.has(key)) unsupported();
      this.index.add(key);
    } else {
      for (let i = base; i < end; i++) if (pairStack[i].key === key) unsupported();
      if (end - base === SCAN_LIMIT) {
        this.index = /* @__PURE__ */ new Set([...pairStack.slice(base, end).map((p) => p.key), key]);
      }
    }
    pairStack[pairTop++] = { key, keyPos, value };
  }
  finish() {
    const pairs = pairStack.slice(this.base, pairTop);
    pairTop = this.base;
    return pairs;
  }
};
function itemsStart() {
  return itemTop;
}
function pushItem(item) {
  itemStack[itemTop++] = item;
}
function itemsFinish(base) {
  const items = itemStack.slice(base, itemTop);
  itemTop = base;
  return items;
}

// src/analysis/load/yaml/fast-plain.ts
function isPlainStart(c, next, inFlow) {
  switch (c) {
    case 45:
    // -
    case 63:
    // ?
    case 58:
      return !(isBlankOrEnd(next) || inFlow && isFlowIndicator(next));
    case 44:
    // ,
    case 91:
    // [
    case 93:
    // ]
    case 123:
    // {
    case 125:
    // }
    case 35:
    // #
    case 38:
    // &
    case 42:
    // *
    case 33:
    // !
    case 124:
    // |
    case 62:
    // >
    case 39:
    // '
    case 34:
    // "
    case 37:
    // %
    case 64:
    // @
    case 96:
      return false;
    default:
      return c > SPACE;
  }
}
function scanPlainLine(s, inFlow) {
  const src = s.src;
  let i = s.pos;
  let end = i;
  let stop;
  for (; ; ) {
    const c = src.charCodeAt(i);
    if (c > COLON) {
      if (inFlow && isFlowIndicator(c)) {
        stop = STOP_FLOW;
        break;
      }
      end = ++i;
    } else if (c === SPACE || c === TAB) {
      i++;
    } else if (c === COLON) {
      const next = src.charCodeAt(i + 1);
      if (isBlankOrEnd(next) || inFlow && isFlowIndicator(next)) {
        stop = STOP_COLON;
        break;
      }
      end = ++i;
    } else if (c === HASH) {
      if (i > end) {
        stop = STOP_COMMENT;
        break;
      }
      end = ++i;
    } else if (c === LF || c !== c) {
      stop = STOP_EOL;
      break;
    } else if (c < SPACE) {
      unsupported();
    } else {
      if (inFlow && c === 44) {
        stop = STOP_FLOW;
        break;
      }
      end = ++i;
    }
  }
  s.pos = i;
  s.stop = stop;
  return end;
}
function continuePlain(s, first2, parentIndent) {
  const src = s.src;
  let text = first2;
  let breaks = 0;
  let p = s.pos;
  while (p < s.len) {
    let i = p + 1;
    while (src.charCodeAt(i) === SPACE) i++;
    const c = src.charCodeAt(i);
    if (c === LF) {
      breaks++;
      p = i;
      continue;
    }
    if (i >= s.len || i - p - 1 <= parentIndent || c === HASH) break;
    if (i === p + 1 && c === DOT) unsupported();
    if (c === TAB || !isPlainStart(c, src.charCodeAt(i + 1), false) || c === 45 || c === 63 || c === 58) {
      unsupported();
    }
    s.advanceTo(s.pos, i);
    const end = scanPlainLine(s, false);
    if (s.stop === STOP_COLON) unsupported();
    text += (breaks === 0 ? " " : "\n".repeat(breaks)) + src.slice(i, end);
    breaks = 0;
    if (s.stop === STOP_COMMENT) break;
    p = s.pos;
  }
  return text;
}

// src/analysis/load/yaml/fast-quoted.ts
function scanQuoted(s, parentIndent) {
  const src = s.src;
  const start = s.pos;
  const quote3 = src.charCodeAt(start);
  let i = start + 1;
  let escapes = false;
  let lines = false;
  for (; ; ) {
    const c = src.charCodeAt(i);
    if (c === quote3) {
      if (quote3 === SQUOTE && src.charCodeAt(i + 1) === SQUOTE) {
        escapes = true;
        i += 2;
        continue;
      }
      break;
    }
    if (c === LF) {
      lines = true;
      continuationLine(s, i, parentIndent);
      i++;
      continue;
    }
    if (c === BACKSLASH && quote3 === DQUOTE) {
      escapes = true;
      if (src.charCodeAt(i + 1) === LF) {
        lines = true;
        continuationLine(s, i + 1, parentIndent);
      }
      i += 2;
      continue;
    }
    if (c < SPACE && c !== TAB) unsupported();
    if (c !== c) unsupported();
    i++;
  }
  s.pos = i + 1;
  if (quote3 === SQUOTE) {
    const body2 = lines ? unfoldLines(src.slice(start + 1, i)) : src.slice(start + 1, i);
    return escapes ? body2.replace(/''/g, "'") : body2;
  }
  if (lines) return doubleQuotedValue(src.slice(start, i + 1));
  return escapes ? unescapeLine(src, start + 1, i) : src.slice(start + 1, i);
}
function continuationLine(s, nl, parentIndent) {
  const src = s.src;
  let i = nl + 1;
  while (src.charCodeAt(i) === SPACE) i++;
  const c = src.charCodeAt(i);
  if (c !== LF) {
    if (i - nl - 1 <= parentIndent) unsupported();
    if (i === nl + 1 && (c === DASH || c === DOT)) {
      if (src.charCodeAt(i + 1) === c && src.charCodeAt(i + 2) === c) unsupported();
    }
  }
  s.line++;
  s.lineStart = nl + 1;
}
function unfoldLines(source) {
  const lines = source.split("\n");
  if (lines.length === 1) return source;
  let res = trimEnd(lines[0] ?? "");
  let sep2 = " ";
  for (let i = 1; i < lines.length - 1; i++) {
    const lm = trimEnd(trimStart(lines[i] ?? ""));
    if (lm === "") {
      if (sep2 === "\n") res += sep2;
      else sep2 = "\n";
    } else {
      res += sep2 + lm;
      sep2 = " ";
    }
  }
  return res + sep2 + trimStart(lines[lines.length - 1] ?? "");
}
function trimStart(text) {
  let i = 0;
  let c = text.charCodeAt(0);
  while (c === SPACE || c === TAB) c = text.charCodeAt(++i);
  return i === 0 ? text : text.slice(i);
}
function trimEnd(text) {
  let i = text.length;
  let c = text.charCodeAt(i - 1);
  while (c === SPACE || c === TAB) c = text.charCodeAt(--i - 1);
  return i === text.length ? text : text.slice(0, i);
}
var ESCAPES = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1B",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	",
  v: "\v",
  N: "\x85",
  _: "\xA0",
  L: "\u2028",
  P: "\u2029",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  "	": "	"
};
function doubleQuotedValue(source) {
  let res = "";
  const last = source.length - 1;
  for (let i = 1; i < last; ++i) {
    const ch = source[i];
    if (ch === "\n") {
      let fold = "";
      let next = source[i + 1];
      while (next === " " || next === "	" || next === "\n") {
        if (next === "\n") fold += "\n";
        next = source[++i + 1];
      }
      res += fold || " ";
    } else if (ch === "\\") {
      const next = source[++i];
      const escaped = ESCAPES[next];
      if (escaped !== void 0) res += escaped;
      else if (next === "\n") {
        let after = source[i + 1];
        while (after === " " || after === "	") after = source[++i + 1];
      } else if (next === "x" || next === "u" || next === "U") {
        const length = next === "x" ? 2 : next === "u" ? 4 : 8;
        res += charCode(source.substr(i + 1, length), length);
        i += length;
      } else unsupported();
    } else if (ch === " " || ch === "	") {
      const wsStart = i;
      let next = source[i + 1];
      while (next === " " || next === "	") next = source[++i + 1];
      if (next !== "\n") res += source.slice(wsStart, i + 1);
    } else res += ch;
  }
  return res;
}
function unescapeLine(src, from, to) {
  let res = "";
  let run = from;
  for (let i = src.indexOf("\\", from); i !== -1 && i < to; i = src.indexOf("\\", run)) {
    res += src.slice(run, i);
    const next = src[i + 1];
    const escaped = ESCAPES[next];
    if (escaped !== void 0) {
      res += escaped;
      run = i + 2;
    } else if (next === "x" || next === "u" || next === "U") {
      const length = next === "x" ? 2 : next === "u" ? 4 : 8;
      res += charCode(src.substr(i + 2, length), length);
      run = i + 2 + length;
    } else unsupported();
  }
  return res + src.slice(run, to);
}
function charCode(hex, length) {
  if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) unsupported();
  const code = parseInt(hex, 16);
  if (code > 1114111) unsupported();
  return String.fromCodePoint(code);
}

// src/analysis/load/yaml/fast-flow.ts
function parseFlowCollection(s, parentIndent, depth) {
  if (depth > MAX_DEPTH) unsupported();
  return s.code(s.pos) === LBRACKET ? parseFlowSeq(s, parentIndent, depth) : parseFlowMap(s, parentIndent, depth);
}
function parseFlowSeq(s, parentIndent, depth) {
  const pos = s.at(s.pos);
  s.pos++;
  const base = itemsStart();
  for (; ; ) {
    skipFlowSpace(s, parentIndent, depth);
    if (s.code(s.pos) === RBRACKET) break;
    pushItem(parseFlowNode(s, parentIndent, depth));
    skipFlowSpace(s, parentIndent, depth);
    const c = s.code(s.pos);
    if (c === COMMA) s.pos++;
    else if (c === RBRACKET) break;
    else unsupported();
  }
  s.pos++;
  return { type: "seq", pos, items: itemsFinish(base) };
}
function parseFlowMap(s, parentIndent, depth) {
  const src = s.src;
  const pos = s.at(s.pos);
  s.pos++;
  const pairs = new PairList();
  for (; ; ) {
    skipFlowSpace(s, parentIndent, depth);
    const c = s.code(s.pos);
    if (c === RBRACE) break;
    const keyPos = s.at(s.pos);
    let key;
    if (c === DQUOTE || c === SQUOTE) {
      const line = s.line;
      key = scanQuoted(s, parentIndent);
      if (s.line !== line) unsupported();
    } else if (isPlainStart(c, s.code(s.pos + 1), true)) {
      const start = s.pos;
      const end = scanPlainLine(s, true);
      if (s.stop === STOP_EOL) unsupported();
      key = plainKey(src.slice(start, end));
      if (s.code(s.pos) === COLON && !isBlankOrEnd(s.code(s.pos + 1))) unsupported();
    } else unsupported();
    s.skipInlineSpace();
    if (s.code(s.pos) !== COLON) unsupported();
    s.pos++;
    s.skipInlineSpace();
    const emptyPos = s.at(s.pos);
    skipFlowSpace(s, parentIndent, depth);
    const v = s.code(s.pos);
    const value = v === COMMA || v === RBRACE ? emptyScalar(emptyPos) : parseFlowNode(s, parentIndent, depth);
    pairs.add(key, keyPos, value);
    skipFlowSpace(s, parentIndent, depth);
    const next = s.code(s.pos);
    if (next === COMMA) s.pos++;
    else if (next === RBRACE) break;
    else unsupported();
  }
  s.pos++;
  return { type: "map", pos, pairs: pairs.finish() };
}
function plainKey(text) {
  if (text === "<<") unsupported();
  return keyString(resolvePlain(text));
}
function emptyScalar(pos) {
  return { type: "scalar", value: null, plain: true, pos };
}
function parseFlowNode(s, parentIndent, depth) {
  const c = s.code(s.pos);
  if (c === LBRACKET || c === LBRACE) return parseFlowCollection(s, parentIndent, depth + 1);
  const pos = s.at(s.pos);
  if (c === DQUOTE || c === SQUOTE) {
    const value = scanQuoted(s, parentIndent);
    const next = s.code(s.pos);
    if (!isBlankOrEnd(next) && next !== COMMA && next !== RBRACKET && next !== RBRACE && next !== COLON) {
      unsupported();
    }
    return { type: "scalar", value, plain: false, pos };
  }
  if (!isPlainStart(c, s.code(s.pos + 1), true)) unsupported();
  const start = s.pos;
  const end = scanPlainLine(s, true);
  return { type: "scalar", value: resolvePlain(s.src.slice(start, end)), plain: true, pos };
}
function skipFlowSpace(s, parentIndent, depth) {
  const src = s.src;
  for (; ; ) {
    const c = src.charCodeAt(s.pos);
    if (c === SPACE || c === TAB) {
      s.pos++;
    } else if (c === LF) {
      s.newlineAt(s.pos);
      checkFlowLine(s, parentIndent, depth);
    } else if (c === HASH) {
      const before = src.charCodeAt(s.pos - 1);
      if (before !== SPACE && before !== TAB) unsupported();
      const nl = src.indexOf("\n", s.pos);
      s.pos = nl === -1 ? s.len : nl;
    } else {
      if (c !== c) unsupported();
      return;
    }
  }
}
function checkFlowLine(s, parentIndent, depth) {
  const src = s.src;
  let i = s.pos;
  while (src.charCodeAt(i) === SPACE) i++;
  const indent2 = i - s.pos;
  let c = src.charCodeAt(i);
  while (c === SPACE || c === TAB) c = src.charCodeAt(++i);
  if (c === LF || c === HASH) return;
  if (indent2 <= parentIndent) {
    const closing = indent2 === parentIndent && depth === 1 && (c === RBRACKET || c === RBRACE);
    if (!closing) unsupported();
  }
  if (indent2 === 0 && (c === DASH || c === DOT) && i === s.pos) {
    if (src.charCodeAt(i + 1) === c && src.charCodeAt(i + 2) === c) unsupported();
  }
}

// src/analysis/load/yaml/fast-block.ts
var MAX_KEY_SPAN = 1e3;
function parseNode(s, parentIndent, col, allowCollection) {
  if (++s.depth > MAX_DEPTH) unsupported();
  const node = parseNodeInner(s, parentIndent, col, allowCollection);
  s.depth--;
  return node;
}
function parseNodeInner(s, parentIndent, col, allowCollection) {
  const c = s.code(s.pos);
  const next = s.code(s.pos + 1);
  if (c === DASH && isBlankOrEnd(next)) {
    if (!allowCollection) unsupported();
    return parseBlockSeq(s, col);
  }
  if (c === LBRACKET || c === LBRACE) {
    const node = parseFlowCollection(s, parentIndent, 1);
    s.finishLine();
    s.nextContentLine();
    return node;
  }
  if (c === PIPE || c === GT) return parseBlockScalar(s, parentIndent);
  if (c === DQUOTE || c === SQUOTE) return parseQuotedOrKey(s, parentIndent, col, allowCollection);
  if (!isPlainStart(c, next, false)) unsupported();
  const start = s.pos;
  const pos = s.at(start);
  const end = scanPlainLine(s, false);
  if (s.stop === STOP_COLON) {
    if (!allowCollection) unsupported();
    return parseBlockMap(s, col, plainKey2(s, start, end), pos);
  }
  let text = s.src.slice(start, end);
  if (s.stop === STOP_EOL) text = continuePlain(s, text, parentIndent);
  s.finishLine();
  s.nextContentLine();
  return { type: "scalar", value: resolvePlain(text), plain: true, pos };
}
function parseQuotedOrKey(s, parentIndent, col, allowCollection) {
  const start = s.pos;
  const pos = s.at(start);
  const line = s.line;
  const value = scanQuoted(s, parentIndent);
  s.skipInlineSpace();
  if (s.code(s.pos) === COLON && isBlankOrEnd(s.code(s.pos + 1))) {
    if (!allowCollection || s.line !== line || s.pos - start > MAX_KEY_SPAN) unsupported();
    return parseBlockMap(s, col, value, pos);
  }
  s.finishLine();
  s.nextContentLine();
  return { type: "scalar", value, plain: false, pos };
}
function plainKey2(s, start, end) {
  if (s.pos - start > MAX_KEY_SPAN) unsupported();
  const text = s.src.slice(start, end);
  if (text === "<<") unsupported();
  return keyString(resolvePlain(text));
}
function parseBlockMap(s, col, firstKey, pos) {
  const pairs = new PairList();
  let key = firstKey;
  let keyPos = pos;
  for (; ; ) {
    s.pos++;
    pairs.add(key, keyPos, parseMapValue(s, col));
    if (s.indent !== col) {
      if (s.indent > col) unsupported();
      break;
    }
    keyPos = s.at(s.pos);
    key = scanKey(s);
  }
  return { type: "map", pos, pairs: pairs.finish() };
}
function scanKey(s) {
  const start = s.pos;
  const c = s.code(start);
  if (c === DQUOTE || c === SQUOTE) {
    const line = s.line;
    const key = scanQuoted(s, -1);
    s.skipInlineSpace();
    const ok = s.line === line && s.code(s.pos) === COLON && isBlankOrEnd(s.code(s.pos + 1));
    if (!ok || s.pos - start > MAX_KEY_SPAN) unsupported();
    return key;
  }
  if (!isPlainStart(c, s.code(start + 1), false)) unsupported();
  const end = scanPlainLine(s, false);
  if (s.stop !== STOP_COLON) unsupported();
  return plainKey2(s, start, end);
}
function parseMapValue(s, mapIndent) {
  s.skipInlineSpace();
  const c = s.code(s.pos);
  if (c === LF || c === HASH || c !== c) {
    const emptyPos = s.at(s.pos);
    s.finishLine();
    s.nextContentLine();
    if (s.indent > mapIndent) return parseNode(s, mapIndent, s.indent, true);
    if (s.indent === mapIndent && s.code(s.pos) === DASH && isBlankOrEnd(s.code(s.pos + 1))) {
      return parseBlockSeq(s, mapIndent);
    }
    return emptyScalar(emptyPos);
  }
  return parseNode(s, mapIndent, s.pos - s.lineStart, false);
}
function parseBlockSeq(s, col) {
  const pos = s.at(s.pos);
  const base = itemsStart();
  for (; ; ) {
    s.pos++;
    pushItem(parseSeqItem(s, col));
    if (s.indent !== col) {
      if (s.indent > col) unsupported();
      break;
    }
    if (s.code(s.pos) !== DASH || !isBlankOrEnd(s.code(s.pos + 1))) break;
  }
  return { type: "seq", pos, items: itemsFinish(base) };
}
function parseSeqItem(s, seqIndent) {
  let c = s.code(s.pos);
  while (c === SPACE) c = s.code(++s.pos);
  if (c === TAB) unsupported();
  if (c === LF || c === HASH || c !== c) {
    const emptyPos = s.at(s.pos);
    s.finishLine();
    s.nextContentLine();
    if (s.indent > seqIndent) return parseNode(s, seqIndent, s.indent, true);
    return emptyScalar(emptyPos);
  }
  return parseNode(s, seqIndent, s.pos - s.lineStart, true);
}

// src/analysis/load/yaml/fast-parse.ts
function fastParse(text) {
  try {
    return fastParseOrThrow(text);
  } catch {
    return null;
  }
}
function fastParseOrThrow(text) {
  try {
    return { root: parseRoot(text), problems: [] };
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  } finally {
    resetStacks();
  }
}
function parseRoot(text) {
  if (text.includes("\r")) unsupported();
  const s = new Scanner(text);
  s.nextContentLine(true);
  if (s.atEnd()) return null;
  if (s.code(s.pos) === BOM) unsupported();
  let root;
  if (s.indent === 0 && s.atDocumentMarker()) {
    if (s.code(s.pos) === DOT) unsupported();
    s.pos += 3;
    s.skipInlineSpace();
    const c = s.code(s.pos);
    if (c === LF || c === HASH || c !== c) {
      const emptyPos = s.at(s.pos);
      s.finishLine();
      s.nextContentLine();
      root = s.atEnd() ? emptyScalar(emptyPos) : parseNode(s, -1, s.indent, true);
    } else {
      root = parseNode(s, -1, s.pos - s.lineStart, false);
    }
  } else {
    root = parseNode(s, -1, s.indent, true);
  }
  if (!s.atEnd()) unsupported();
  return root;
}

// src/analysis/load/yaml/parse-with-yaml.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_ALIAS_EXPANSION = 1e4;
var AliasLimitError = class extends Error {
};
var YAML_OPTIONS = {
  merge: true,
  uniqueKeys: false,
  prettyErrors: false,
  strict: true,
  version: "1.2"
};
function parseWithYaml(text) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { ...YAML_OPTIONS, lineCounter });
  return convertDocument(doc, lineCounter);
}
function convertDocument(doc, lineCounter) {
  const problems = [];
  const position4 = (offset) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };
  for (const error of doc.errors) {
    problems.push({
      severity: "error",
      kind: "syntax",
      message: firstLine(error.message),
      pos: position4(error.pos[0])
    });
  }
  if (problems.length > 0) return { root: null, problems };
  for (const warning of doc.warnings) {
    problems.push({
      severity: "warning",
      kind: "unsupported",
      message: firstLine(warning.message),
      pos: position4(warning.pos[0])
    });
  }
  const converter = new Converter(doc, position4, problems);
  try {
    const root = converter.convert(doc.contents);
    return { root, problems };
  } catch (error) {
    if (!(error instanceof AliasLimitError)) throw error;
    problems.push({
      severity: "error",
      kind: "alias-limit",
      message: `aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes`,
      pos: { line: 1, column: 1 }
    });
    return { root: null, problems };
  }
}
function firstLine(message) {
  return (message.split("\n")[0] ?? message).trim();
}
var Converter = class {
  constructor(doc, position4, problems) {
    this.doc = doc;
    this.position = position4;
    this.problems = problems;
  }
  doc;
  position;
  problems;
  expanded = 0;
  /** Alias targets being expanded: an alias to one of its own ancestors never ends. */
  expanding = /* @__PURE__ */ new Set();
  convert(node, viaAlias = false) {
    if (node === null || node === void 0) return null;
    if (viaAlias && ++this.expanded > MAX_ALIAS_EXPANSION) throw new AliasLimitError();
    if ((0, import_yaml.isAlias)(node)) {
      const target = node.resolve(this.doc);
      if (target === void 0) return null;
      if (this.expanding.has(target)) throw new AliasLimitError();
      this.expanding.add(target);
      try {
        return this.convert(target, true);
      } finally {
        this.expanding.delete(target);
      }
    }
    if ((0, import_yaml.isScalar)(node)) return this.scalar(node.value, node.type === "PLAIN", node.range?.[0]);
    if ((0, import_yaml.isSeq)(node)) {
      return {
        type: "seq",
        pos: this.position(node.range?.[0]),
        items: node.items.map((item) => this.convert(item, viaAlias))
      };
    }
    if ((0, import_yaml.isMap)(node)) return this.map(node.items, node.range?.[0], viaAlias);
    return null;
  }
  scalar(value, plain, offset) {
    const pos = this.position(offset);
    if (value === null || typeof value === "string" || typeof value === "boolean") {
      return { type: "scalar", value, plain, pos };
    }
    if (typeof value === "number") return { type: "scalar", value, plain, pos };
    return { type: "scalar", value: String(value), plain: false, pos };
  }
  map(items, offset, viaAlias) {
    const pairs = [];
    const indexByKey = /* @__PURE__ */ new Map();
    const add = (pair, merged) => {
      const existing = indexByKey.get(pair.key);
      if (existing === void 0) {
        indexByKey.set(pair.key, pairs.length);
        pairs.push(pair);
        return;
      }
      if (merged) return;
      this.problems.push({
        severity: "error",
        kind: "duplicate-key",
        message: pair.key,
        pos: pair.keyPos
      });
      pairs[existing] = pair;
    };
    const merges = [];
    for (const item of items) {
      if (!(0, import_yaml.isPair)(item)) continue;
      const keyNode = item.key;
      if ((0, import_yaml.isScalar)(keyNode) && keyNode.source === "<<" && keyNode.type === "PLAIN") {
        merges.push(...this.mergeSources(item.value, viaAlias));
        continue;
      }
      const key = this.keyOf(keyNode);
      if (key === null) continue;
      add(
        {
          key,
          keyPos: this.position(keyNode?.range?.[0] ?? void 0),
          value: this.convert(item.value, viaAlias)
        },
        false
      );
    }
    for (const source of merges) for (const pair of source.pairs) add(pair, true);
    return { type: "map", pos: this.position(offset), pairs };
  }
  mergeSources(value, viaAlias) {
    const converted = this.convert(value, viaAlias);
    if (converted?.type === "map") return [converted];
    if (converted?.type === "seq") {
      return converted.items.filter((item) => item?.type === "map");
    }
    return [];
  }
  keyOf(node) {
    if (node === null) return "";
    if ((0, import_yaml.isScalar)(node)) return node.value === null ? "" : String(node.value);
    if ((0, import_yaml.isAlias)(node)) {
      const target = node.resolve(this.doc);
      return target === void 0 ? null : this.keyOf(target);
    }
    this.problems.push({
      severity: "warning",
      kind: "unsupported",
      message: "complex mapping keys are not supported; the entry is ignored",
      pos: this.position(node.range?.[0])
    });
    return null;
  }
};

// src/analysis/load/yaml/split-documents.ts
var BOM2 = 65279;
function splitDocuments(text) {
  const src = normalizeText(text);
  const chunks = [];
  let start = 0;
  let startLine = 0;
  let open = false;
  let line = 0;
  for (let at = 0; at < src.length; line++) {
    const nl = src.indexOf("\n", at);
    const end = nl === -1 ? src.length : nl;
    const bom = src.charCodeAt(at) === BOM2 ? 1 : 0;
    const marker = markerAt(src, at + bom, end);
    if (marker === "---") {
      if (open) chunks.push(chunk(chunks.length, src, start, at, startLine));
      start = at + bom;
      startLine = line;
      open = true;
    } else if (marker === "...") {
      if (firstContent(src, at + bom + 3, end) !== -1) return null;
      if (open) chunks.push(chunk(chunks.length, src, start, at, startLine));
      open = false;
    } else if (!open) {
      const first2 = firstContent(src, at + bom, end);
      if (first2 === 37) return null;
      if (first2 !== -1) {
        start = at + bom;
        startLine = line;
        open = true;
      }
    }
    at = end + 1;
  }
  if (open) chunks.push(chunk(chunks.length, src, start, src.length, startLine));
  return chunks;
}
function chunk(index, src, start, end, line) {
  return { index, text: src.slice(start, end), lineOffset: line };
}
function markerAt(src, at, end) {
  const c = src.charCodeAt(at);
  if (c !== 45 && c !== 46) return null;
  if (src.charCodeAt(at + 1) !== c || src.charCodeAt(at + 2) !== c) return null;
  const after = src.charCodeAt(at + 3);
  if (at + 3 < end && after !== 32 && after !== 9) return null;
  return c === 45 ? "---" : "...";
}
function firstContent(src, at, end) {
  let i = at;
  let c = src.charCodeAt(i);
  while (i < end && (c === 32 || c === 9)) c = src.charCodeAt(++i);
  return i === end || c === 35 ? -1 : c;
}
function normalizeText(text) {
  const withoutBom = text.charCodeAt(0) === BOM2 ? text.slice(1) : text;
  return withoutBom.includes("\r") ? withoutBom.replace(/\r\n?/g, "\n") : withoutBom;
}

// src/analysis/load/yaml/index.ts
function parseYamlDocument(text) {
  return fastParse(text) ?? parseWithYaml(text);
}

// src/analysis/config/patterns.ts
var PATTERNS = {
  dnsLabel: {
    pattern: /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    expected: "a Kubernetes namespace name"
  },
  code: { pattern: /^MG[0-9]{3}$/, expected: "a meshguard code such as `MG012`" },
  date: {
    pattern: /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/,
    expected: "a date written YYYY-MM-DD"
  },
  object: {
    pattern: /^[A-Z][A-Za-z]* (?:[a-z0-9]([-a-z0-9]*[a-z0-9])?\/)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
    expected: "an object written `Kind namespace/name`"
  },
  workload: {
    pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?)?$/,
    expected: "a namespace or `namespace/workload`"
  },
  text: { pattern: /\S/, expected: "non-empty text" }
};
function namespaceProblem(value) {
  return PATTERNS.dnsLabel.pattern.test(value) ? null : `must be ${PATTERNS.dnsLabel.expected}`;
}

// src/analysis/config/read-node.ts
var ConfigReader = class {
  constructor(file) {
    this.file = file;
  }
  file;
  problems = [];
  report(severity, field2, pos, message) {
    this.problems.push({ severity, file: this.file, ...pos, field: field2, message });
    return void 0;
  }
  map(node, field2, pos) {
    if (node?.type === "map") return node;
    return this.report("error", field2, node?.pos ?? pos, `${describe(field2)} must be a mapping`);
  }
  /** Pairs of a mapping whose keys are all known; unknown keys are errors with a suggestion. */
  knownPairs(map, field2, known) {
    const out = /* @__PURE__ */ new Map();
    for (const pair of map.pairs) {
      if (known.includes(pair.key)) {
        out.set(pair.key, { node: pair.value, pos: pair.keyPos });
        continue;
      }
      const guess = known.find((k) => normalise(k) === normalise(pair.key));
      const hint = guess === void 0 ? `known fields: ${known.join(", ")}` : `did you mean ${quote(guess)}?`;
      this.report(
        "error",
        join(field2, pair.key),
        pair.keyPos,
        `unknown field ${quote(pair.key)}; ${hint}`
      );
    }
    return out;
  }
  string(node, field2, pos, rule) {
    if (node?.type !== "scalar" || typeof node.value !== "string") {
      return this.report("error", field2, node?.pos ?? pos, `${describe(field2)} must be a string`);
    }
    if (rule !== void 0 && !rule.pattern.test(node.value)) {
      return this.report(
        "error",
        field2,
        node.pos,
        `${describe(field2)} must be ${rule.expected}, not ${quote(node.value)}`
      );
    }
    return node.value;
  }
  oneOf(node, field2, pos, values) {
    const value = this.string(node, field2, pos);
    if (value === void 0) return void 0;
    if (values.includes(value)) return value;
    return this.report(
      "error",
      field2,
      node?.pos ?? pos,
      `${describe(field2)} must be one of ${values.join(", ")}, not ${quote(value)}`
    );
  }
  boolean(node, field2, pos) {
    if (node?.type === "scalar" && typeof node.value === "boolean") return node.value;
    return this.report(
      "error",
      field2,
      node?.pos ?? pos,
      `${describe(field2)} must be true or false`
    );
  }
  integer(node, field2, pos, range) {
    const value = node?.type === "scalar" ? node.value : void 0;
    if (typeof value === "number" && Number.isInteger(value)) {
      if (value >= range.min && value <= range.max) return value;
    }
    return this.report(
      "error",
      field2,
      node?.pos ?? pos,
      `${describe(field2)} must be a whole number from ${range.min} to ${range.max}`
    );
  }
  /** A sequence; each item goes through `item`, which returns undefined for a rejected item. */
  list(node, field2, pos, item) {
    if (node?.type !== "seq") {
      return this.report("error", field2, node?.pos ?? pos, `${describe(field2)} must be a list`);
    }
    const out = [];
    node.items.forEach((child, index) => {
      const value = item(child, `${field2}[${index}]`, child?.pos ?? node.pos);
      if (value !== void 0) out.push(value);
    });
    return out;
  }
};
function join(parent, key) {
  return parent === "" ? key : `${parent}.${key}`;
}
function describe(field2) {
  return field2 === "" ? "the configuration" : quote(field2);
}
function normalise(key) {
  return key.toLowerCase().replace(/[-_]/g, "");
}

// src/analysis/config/types.ts
var DEFAULT_PATHS = [
  "**/*.{yaml,yml}",
  "!**/node_modules/**",
  "!**/vendor/**",
  "!**/.terraform/**"
];
var REPOSITORY_ROLES = ["read", "triage", "write", "maintain", "admin"];
var DEFAULT_COMMANDS = {
  enabled: true,
  permission: "write",
  allowAuthor: true,
  rerunPermission: "write",
  rateLimit: 6
};
var DEFAULT_RENDER_TIMEOUT_SECONDS = 300;

// src/analysis/config/commands.ts
var FIELDS = ["enabled", "permission", "allow-author", "rerun-permission", "rate-limit"];
function parseCommands(reader, node, pos) {
  const map = reader.map(node, "commands", pos);
  if (map === void 0) return void 0;
  const fields = reader.knownPairs(map, "commands", FIELDS);
  const read = (key, parse) => {
    const entry = fields.get(key);
    return entry === void 0 ? void 0 : parse(entry.node, join("commands", key), entry.pos);
  };
  const role = (n, field2, p) => reader.oneOf(n, field2, p, REPOSITORY_ROLES);
  return {
    enabled: read("enabled", (n, f, p) => reader.boolean(n, f, p)) ?? DEFAULT_COMMANDS.enabled,
    permission: read("permission", role) ?? DEFAULT_COMMANDS.permission,
    allowAuthor: read("allow-author", (n, f, p) => reader.boolean(n, f, p)) ?? DEFAULT_COMMANDS.allowAuthor,
    rerunPermission: read("rerun-permission", role) ?? DEFAULT_COMMANDS.rerunPermission,
    rateLimit: read("rate-limit", (n, f, p) => reader.integer(n, f, p, { min: 1, max: 100 })) ?? DEFAULT_COMMANDS.rateLimit
  };
}

// src/analysis/config/mesh-settings.ts
var KNOWN = [
  "rootNamespace",
  "trustDomain",
  "trustDomainAliases",
  "enableAutoMtls",
  "outboundTrafficPolicy",
  "extensionProviders"
];
function parseMeshSettings(reader, node, pos) {
  const map = reader.map(node, "mesh", pos);
  if (map === void 0) return void 0;
  let out = {};
  for (const pair of map.pairs) {
    const field2 = join("mesh", pair.key);
    const key = KNOWN.find((k) => k === pair.key);
    if (key === void 0) {
      reader.report("warning", field2, pair.keyPos, `${quote(field2)} is not read by meshguard`);
      continue;
    }
    const value = readSetting(reader, key, pair.value, field2, pair.keyPos);
    if (value !== void 0) out = { ...out, [key]: value };
  }
  return out;
}
function readSetting(reader, key, node, field2, pos) {
  switch (key) {
    case "rootNamespace":
      return reader.string(node, field2, pos, PATTERNS.dnsLabel);
    case "trustDomain":
      return reader.string(node, field2, pos, PATTERNS.text);
    case "trustDomainAliases":
      return reader.list(
        node,
        field2,
        pos,
        (item, name, itemPos) => reader.string(item, name, itemPos, PATTERNS.text)
      );
    case "enableAutoMtls":
      return reader.boolean(node, field2, pos);
    case "outboundTrafficPolicy":
      return readOutboundMode(reader, node, field2, pos);
    case "extensionProviders":
      return reader.list(node, field2, pos, (item, name, itemPos) => {
        const provider = reader.map(item, name, itemPos);
        if (provider === void 0) return void 0;
        const entry = provider.pairs.find((p) => p.key === "name");
        if (entry === void 0) {
          return reader.report(
            "error",
            join(name, "name"),
            provider.pos,
            `${quote(join(name, "name"))} is required`
          );
        }
        return reader.string(entry.value, join(name, "name"), entry.keyPos, PATTERNS.text);
      });
  }
}
function readOutboundMode(reader, node, field2, pos) {
  const map = reader.map(node, field2, pos);
  if (map === void 0) return void 0;
  let mode;
  for (const pair of map.pairs) {
    const name = join(field2, pair.key);
    if (pair.key !== "mode") {
      reader.report("warning", name, pair.keyPos, `${quote(name)} is not read by meshguard`);
      continue;
    }
    mode = reader.oneOf(pair.value, name, pair.keyPos, ["ALLOW_ANY", "REGISTRY_ONLY"]);
  }
  return mode;
}

// src/analysis/config/glob.ts
function compileGlobs(patterns) {
  const includes = [];
  const excludes = [];
  for (const raw of patterns) {
    const negated = raw.startsWith("!");
    const body2 = stripLeadingSlash(negated ? raw.slice(1) : raw);
    for (const expanded of expandBraces(body2)) {
      (negated ? excludes : includes).push(compilePattern(expanded));
    }
  }
  return {
    patterns: [...patterns],
    matches: (path) => includes.some((p) => p.regex.test(path)) && !excludes.some((p) => p.regex.test(path)),
    couldContain: (directory) => {
      const parts = directory === "" ? [] : directory.split("/");
      return includes.some((p) => prefixCouldMatch(p.segments, parts));
    }
  };
}
function globProblem(pattern) {
  const body2 = pattern.startsWith("!") ? pattern.slice(1) : pattern;
  if (body2.trim() === "") return "the pattern is empty";
  let depth = 0;
  for (const ch of body2) {
    if (ch === "{") depth++;
    if (ch === "}" && --depth < 0) return "a `}` has no matching `{`";
  }
  if (depth !== 0) return "a `{` is never closed";
  if (/\[[^\]]*$/.test(body2)) return "a `[` is never closed";
  if (body2.split("/").some((s) => s.includes("**") && s !== "**")) {
    return "`**` must be a whole path segment, as in `a/**/b`";
  }
  return null;
}
function stripLeadingSlash(pattern) {
  return pattern.replace(/^(\.\/|\/)+/, "");
}
function expandBraces(pattern) {
  const open = pattern.indexOf("{");
  if (open < 0) return [pattern];
  let depth = 0;
  const commas = [];
  for (let i = open; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "{") depth++;
    else if (ch === "," && depth === 1) commas.push(i);
    else if (ch === "}" && --depth === 0) {
      const prefix = pattern.slice(0, open);
      const suffixes = expandBraces(pattern.slice(i + 1));
      const bounds = [open, ...commas, i];
      const options = bounds.slice(0, -1).flatMap((start, k) => expandBraces(pattern.slice(start + 1, bounds[k + 1])));
      return options.flatMap((option) => suffixes.map((suffix) => prefix + option + suffix));
    }
  }
  return [pattern];
}
function compilePattern(pattern) {
  const segments = pattern.split("/");
  let source = "^";
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === "**") {
      source += last ? ".*" : "(?:[^/]*/)*";
      return;
    }
    source += segmentSource(segment) + (last ? "" : "/");
  });
  return { regex: new RegExp(`${source}$`), segments };
}
function segmentSource(segment) {
  let out = "";
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i] ?? "";
    if (ch === "*") out += "[^/]*";
    else if (ch === "?") out += "[^/]";
    else if (ch === "[") {
      const close = segment.indexOf("]", i + 2);
      if (close < 0) {
        out += "\\[";
        continue;
      }
      let body2 = segment.slice(i + 1, close);
      const negated = body2.startsWith("!") || body2.startsWith("^");
      if (negated) body2 = body2.slice(1);
      out += `[${negated ? "^/" : ""}${body2.replace(/[\\\]^]/g, "\\$&")}]`;
      i = close;
    } else out += ch.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  return out;
}
var segmentCache = /* @__PURE__ */ new Map();
function segmentMatches(pattern, name) {
  let regex2 = segmentCache.get(pattern);
  if (regex2 === void 0) {
    regex2 = new RegExp(`^${segmentSource(pattern)}$`);
    segmentCache.set(pattern, regex2);
  }
  return regex2.test(name);
}
function prefixCouldMatch(pattern, directory) {
  const [head, ...rest] = pattern;
  if (head === void 0) return false;
  if (head === "**") return true;
  const [name, ...below] = directory;
  if (name === void 0) return true;
  return segmentMatches(head, name) && prefixCouldMatch(rest, below);
}

// src/analysis/config/paths.ts
function readPaths(reader, node, field2, pos) {
  return reader.list(node, field2, pos, (item, name, itemPos) => {
    const value = reader.string(item, name, itemPos, PATTERNS.text);
    if (value === void 0) return void 0;
    const problem = globProblem(value);
    return problem === null ? value : reader.report("error", name, itemPos, problem);
  });
}

// src/analysis/config/render.ts
var NAME = {
  pattern: /^[a-z0-9][a-z0-9._-]*$/,
  expected: "lowercase letters, digits, `.`, `_` or `-`"
};
function parseRender(reader, node, pos) {
  const commands = reader.list(
    node,
    "render",
    pos,
    (item, field2, itemPos) => readCommand(reader, item, field2, itemPos)
  );
  if (commands === void 0) return void 0;
  const seen = /* @__PURE__ */ new Set();
  return commands.filter((command, index) => {
    if (!seen.has(command.name)) {
      seen.add(command.name);
      return true;
    }
    const at = node?.type === "seq" ? node.items[index]?.pos ?? pos : pos;
    reader.report(
      "error",
      `render[${index}].name`,
      at,
      `the name ${quote(command.name)} is used twice`
    );
    return false;
  });
}
function readCommand(reader, node, field2, pos) {
  const map = reader.map(node, field2, pos);
  if (map === void 0) return void 0;
  const before = reader.problems.length;
  const fields = reader.knownPairs(map, field2, ["name", "command", "paths", "timeout-seconds"]);
  for (const key of ["name", "command", "paths"].filter((k) => !fields.has(k))) {
    reader.report("error", join(field2, key), map.pos, `${quote(join(field2, key))} is required`);
  }
  const name = fields.get("name");
  const command = fields.get("command");
  const paths = fields.get("paths");
  const timeout = fields.get("timeout-seconds");
  const value = {
    name: name && reader.string(name.node, join(field2, "name"), name.pos, NAME),
    argv: command && readArgv(reader, command.node, join(field2, "command"), command.pos),
    paths: paths && readPaths(reader, paths.node, join(field2, "paths"), paths.pos),
    timeoutSeconds: timeout === void 0 ? DEFAULT_RENDER_TIMEOUT_SECONDS : reader.integer(timeout.node, join(field2, "timeout-seconds"), timeout.pos, {
      min: 1,
      max: 3600
    })
  };
  if (reader.problems.slice(before).some((p2) => p2.severity === "error")) return void 0;
  const { name: n, argv, paths: p, timeoutSeconds } = value;
  if (n === void 0 || argv === void 0 || p === void 0 || timeoutSeconds === void 0) {
    return void 0;
  }
  return { name: n, argv, paths: p, timeoutSeconds };
}
function readArgv(reader, node, field2, pos) {
  if (node?.type === "seq") {
    const argv2 = reader.list(
      node,
      field2,
      pos,
      (item, name, itemPos) => reader.string(item, name, itemPos, PATTERNS.text)
    );
    if (argv2?.length === 0)
      return reader.report("error", field2, node.pos, `${quote(field2)} is empty`);
    return argv2;
  }
  const text = reader.string(node, field2, pos, PATTERNS.text);
  if (text === void 0) return void 0;
  const argv = splitCommand(text);
  if (argv === null) {
    return reader.report("error", field2, node?.pos ?? pos, `${quote(field2)} has an unclosed quote`);
  }
  return argv;
}
function splitCommand(text) {
  const words = [];
  let current = null;
  let quote3 = null;
  for (const ch of text) {
    if (quote3 !== null) {
      if (ch === quote3) quote3 = null;
      else current += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote3 = ch;
      current ??= "";
    } else if (/\s/.test(ch)) {
      if (current !== null) words.push(current);
      current = null;
    } else current = (current ?? "") + ch;
  }
  if (quote3 !== null) return null;
  if (current !== null) words.push(current);
  return words;
}

// src/analysis/config/parse-config.ts
var TOP_LEVEL = [
  "version",
  "paths",
  "render",
  "fail-on",
  "comment",
  "default-namespace",
  "mesh",
  "severity",
  "ignore",
  "protected",
  "sensitive-ports",
  "commands"
];
var START = { line: 1, column: 1 };
function parseConfig(text, file) {
  const reader = new ConfigReader(file);
  const parsed = parseYamlDocument(normalizeText(text));
  for (const problem of parsed.problems) {
    const message = problem.kind === "duplicate-key" ? `key ${quote(problem.message)} appears twice in the same mapping` : problem.message;
    reader.report(problem.severity, "", problem.pos, message);
  }
  const root = parsed.root;
  if (root === null) return { config: defaults(), problems: reader.problems };
  const map = reader.map(root, "", START);
  if (map === void 0) return { config: defaults(), problems: reader.problems };
  const fields = reader.knownPairs(map, "", TOP_LEVEL);
  const field2 = (key) => fields.get(key);
  readOptional(
    field2("version"),
    (v) => reader.integer(v.node, "version", v.pos, { min: 1, max: 1 })
  );
  const render2 = readOptional(field2("render"), (v) => parseRender(reader, v.node, v.pos)) ?? [];
  const paths = readOptional(field2("paths"), (v) => readPaths(reader, v.node, "paths", v.pos)) ?? (render2.length > 0 ? [] : DEFAULT_PATHS);
  const failOn = readOptional(
    field2("fail-on"),
    (v) => reader.oneOf(v.node, "fail-on", v.pos, ["error", "warning", "never"])
  );
  const comment = readOptional(
    field2("comment"),
    (v) => reader.oneOf(v.node, "comment", v.pos, ["always", "on-change", "never"])
  );
  const defaultNamespace = readOptional(
    field2("default-namespace"),
    (v) => reader.string(v.node, "default-namespace", v.pos, PATTERNS.dnsLabel)
  );
  const meshSettings = readOptional(field2("mesh"), (v) => parseMeshSettings(reader, v.node, v.pos));
  const severities = readOptional(field2("severity"), (v) => readSeverities(reader, v.node, v.pos));
  const ignores = readOptional(
    field2("ignore"),
    (v) => reader.list(v.node, "ignore", v.pos, (node, name, pos) => readIgnore(reader, node, name, pos))
  );
  const protectedWorkloads = readOptional(
    field2("protected"),
    (v) => reader.list(
      v.node,
      "protected",
      v.pos,
      (node, name, pos) => reader.string(node, name, pos, PATTERNS.workload)
    )
  );
  const commands = readOptional(field2("commands"), (v) => parseCommands(reader, v.node, v.pos));
  const sensitivePorts = readOptional(
    field2("sensitive-ports"),
    (v) => reader.list(
      v.node,
      "sensitive-ports",
      v.pos,
      (node, name, pos) => reader.integer(node, name, pos, { min: 1, max: 65535 })
    )
  );
  const analyze = {
    ...failOn === void 0 ? {} : { failOn },
    ...defaultNamespace === void 0 ? {} : { defaultNamespace },
    ...meshSettings === void 0 ? {} : { meshSettings },
    ...severities === void 0 ? {} : { severities },
    ...ignores === void 0 ? {} : { ignores },
    ...protectedWorkloads === void 0 ? {} : { protectedWorkloads },
    ...sensitivePorts === void 0 ? {} : { sensitivePorts }
  };
  return {
    config: {
      paths,
      render: render2,
      ...comment === void 0 ? {} : { comment },
      ...commands === void 0 ? {} : { commands },
      analyze
    },
    problems: reader.problems
  };
}
function defaults() {
  return { paths: DEFAULT_PATHS, render: [], analyze: {} };
}
function readOptional(entry, read) {
  return entry === void 0 ? void 0 : read(entry);
}
function readSeverities(reader, node, pos) {
  const map = reader.map(node, "severity", pos);
  if (map === void 0) return void 0;
  const out = {};
  for (const pair of map.pairs) {
    const name = join("severity", pair.key);
    if (!PATTERNS.code.pattern.test(pair.key)) {
      reader.report(
        "error",
        name,
        pair.keyPos,
        `${quote(pair.key)} is not a meshguard code such as \`MG012\``
      );
      continue;
    }
    const level = reader.oneOf(pair.value, name, pair.keyPos, [
      "error",
      "warning",
      "notice",
      "off"
    ]);
    if (level === void 0) continue;
    if (!isCode(pair.key)) {
      reader.report(
        "warning",
        name,
        pair.keyPos,
        `${quote(pair.key)} is not a code this version knows; the entry has no effect`
      );
      continue;
    }
    out[pair.key] = level;
  }
  return out;
}
function readIgnore(reader, node, field2, pos) {
  const map = reader.map(node, field2, pos);
  if (map === void 0) return void 0;
  const before = reader.problems.length;
  const fields = reader.knownPairs(map, field2, ["code", "id", "object", "reason", "expires"]);
  const read = (key, rule) => {
    const entry = fields.get(key);
    return entry === void 0 ? void 0 : reader.string(entry.node, join(field2, key), entry.pos, rule);
  };
  const missing = ["code", "reason"].filter((key) => !fields.has(key));
  for (const key of missing) {
    reader.report("error", join(field2, key), map.pos, `${quote(join(field2, key))} is required`);
  }
  const code = read("code", PATTERNS.code);
  const reason = read("reason", PATTERNS.text);
  const id = read("id", PATTERNS.text);
  const object = read("object", PATTERNS.object);
  const expires = read("expires", PATTERNS.date);
  if (reader.problems.slice(before).some((p) => p.severity === "error")) return void 0;
  if (code === void 0 || reason === void 0) return void 0;
  if (!isCode(code)) {
    reader.report(
      "warning",
      join(field2, "code"),
      fields.get("code")?.pos ?? map.pos,
      `${quote(code)} is not a code this version knows; the rule has no effect`
    );
    return void 0;
  }
  return {
    code,
    reason,
    ...id === void 0 ? {} : { id },
    ...object === void 0 ? {} : { object },
    ...expires === void 0 ? {} : { expires }
  };
}

// src/cli/args.ts
var UsageError = class extends Error {
  name = "UsageError";
};
function parseArgs(argv, specs) {
  const positionals = [];
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1).map(nonEmptyPath));
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      positionals.push(nonEmptyPath(arg));
      continue;
    }
    const [name = "", inline] = splitOnce(arg.slice(2), "=");
    const spec = specs[name];
    if (spec === void 0) throw new UsageError(`unknown option --${name}`);
    if (spec.type === "boolean") {
      if (inline !== void 0) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === void 0 || inline === void 0 && value.startsWith("--")) {
      throw new UsageError(`--${name} needs a value`);
    }
    if (value === "") throw new UsageError(`--${name} needs a value, not an empty string`);
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(
        `--${name} must be one of ${spec.choices.join(", ")}, not ${JSON.stringify(value)}`
      );
    }
    if (spec.type === "list") {
      const existing = flags[name];
      flags[name] = [...Array.isArray(existing) ? existing : [], value];
    } else {
      flags[name] = value;
    }
  }
  return { positionals, flags };
}
function nonEmptyPath(arg) {
  if (arg === "") throw new UsageError("a PATH is an empty string; use `.` for this directory");
  return arg;
}
function splitOnce(text, separator) {
  const index = text.indexOf(separator);
  return index < 0 ? [text, void 0] : [text.slice(0, index), text.slice(index + 1)];
}
function stringFlag(args, name) {
  const value = args.flags[name];
  return typeof value === "string" ? value : void 0;
}
function listFlag(args, name) {
  const value = args.flags[name];
  return Array.isArray(value) ? value : [];
}
function namespaceFlag(args) {
  const value = stringFlag(args, "namespace");
  if (value === void 0) return {};
  const problem = namespaceProblem(value);
  if (problem !== null)
    throw new UsageError(`--namespace ${problem}, not ${JSON.stringify(value)}`);
  return { defaultNamespace: value };
}

// src/cli/commands/diff.ts
import { readFileSync } from "node:fs";
import { resolve as resolve2 } from "node:path";

// src/analysis/model/source.ts
function formatRef(ref) {
  return ref.namespace === "" ? `${ref.kind} ${ref.name}` : `${ref.kind} ${ref.namespace}/${ref.name}`;
}
function refKey(ref) {
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}
function formatSource(source) {
  return `${source.file}:${source.line}:${source.column}`;
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareSources(a, b) {
  if (a.file !== b.file) return compareText(a.file, b.file);
  return a.line - b.line || a.column - b.column;
}

// src/analysis/model/diagnostic.ts
function diagnostic(code, at, params, ref) {
  const entry = catalogue[code];
  const message = entry.message(params);
  return ref === void 0 ? { code, severity: entry.severity, message, at } : { code, severity: entry.severity, message, at, ref };
}

// src/analysis/model/mesh.ts
function meshObjects(mesh) {
  return [
    ...mesh.namespaces,
    ...mesh.workloads,
    ...mesh.services,
    ...mesh.serviceAccounts,
    ...mesh.peerAuthentications,
    ...mesh.authorizationPolicies,
    ...mesh.requestAuthentications,
    ...mesh.destinationRules,
    ...mesh.serviceEntries,
    ...mesh.sidecars
  ];
}

// src/analysis/model/mesh-settings.ts
function fallback(value) {
  return { value, at: null, origin: "default" };
}
var DEFAULT_MESH_SETTINGS = {
  rootNamespace: fallback("istio-system"),
  trustDomain: fallback("cluster.local"),
  trustDomainAliases: fallback([]),
  enableAutoMtls: fallback(true),
  outboundTrafficPolicy: fallback("ALLOW_ANY"),
  extensionProviders: fallback([]),
  defaultDestinationRuleExportTo: fallback(null)
};

// src/analysis/model/kubernetes.ts
var WORKLOAD_KINDS = [
  "Pod",
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "ReplicationController",
  "Job",
  "CronJob",
  "Rollout"
];

// src/analysis/load/assemble.ts
function dropDuplicates(objects, diagnostics) {
  const keys2 = objects.map((object) => refKey(object.ref));
  const lastIndex = /* @__PURE__ */ new Map();
  keys2.forEach((key, index) => lastIndex.set(key, index));
  return objects.filter((object, index) => {
    const last = lastIndex.get(keys2[index] ?? "") ?? index;
    if (last === index) return true;
    const other = objects[last];
    if (other !== void 0) {
      diagnostics.push(
        diagnostic(
          "MG012",
          object.source,
          { ref: formatRef(object.ref), other: formatSource(other.source) },
          object.ref
        )
      );
    }
    return false;
  });
}
var CONTROLLER_OF = {
  Pod: ["ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController"],
  ReplicaSet: ["Deployment", "Rollout"],
  Job: ["CronJob"]
};
function collapseOwnedWorkloads(workloads) {
  const present = new Set(workloads.map((w) => `${w.ref.namespace}/${w.kind}/${w.ref.name}`));
  const merged = /* @__PURE__ */ new Map();
  const result = [];
  for (const workload of workloads) {
    const owner = workload.owner;
    if (owner === null || !(CONTROLLER_OF[workload.kind] ?? []).includes(owner.kind)) {
      result.push(workload);
      continue;
    }
    if (present.has(`${workload.ref.namespace}/${owner.kind}/${owner.name}`)) continue;
    const controller = controllerOf(workload, owner.kind, owner.name);
    const key = `${workload.ref.namespace}/${controller.kind}/${controller.name}`;
    if (present.has(key) || merged.has(key)) continue;
    const representative = {
      ...workload,
      kind: controller.kind,
      ref: { kind: controller.kind, namespace: workload.ref.namespace, name: controller.name },
      owner: null
    };
    merged.set(key, representative);
    result.push(representative);
  }
  return result;
}
function controllerOf(workload, kind, name) {
  const hash = workload.podLabels["pod-template-hash"];
  if (kind === "ReplicaSet" && hash !== void 0 && name.endsWith(`-${hash}`)) {
    return { kind: "Deployment", name: name.slice(0, -hash.length - 1) };
  }
  if (workload.kind === "ReplicaSet" && (kind === "Deployment" || kind === "Rollout"))
    return { kind, name };
  return { kind, name };
}
var WORKLOAD_KIND_SET = new Set(WORKLOAD_KINDS);
function sortedByKind(objects) {
  const keyed = objects.map((o) => ({
    key: `${o.ref.namespace}\0${o.ref.name}\0${o.ref.kind}`,
    o
  }));
  keyed.sort((a, b) => compareText(a.key, b.key));
  const groups = /* @__PURE__ */ new Map();
  for (const { o } of keyed) {
    const group2 = WORKLOAD_KIND_SET.has(o.kind) ? "Workload" : o.kind;
    const list = groups.get(group2);
    if (list) list.push(o);
    else groups.set(group2, [o]);
  }
  return groups;
}
function buildMesh(objects, settings) {
  const groups = sortedByKind(objects);
  const of = (kind) => groups.get(kind) ?? [];
  return {
    settings,
    namespaces: of("Namespace"),
    workloads: collapseOwnedWorkloads(of("Workload")),
    services: of("Service"),
    serviceAccounts: of("ServiceAccount"),
    peerAuthentications: of("PeerAuthentication"),
    authorizationPolicies: of("AuthorizationPolicy"),
    requestAuthentications: of("RequestAuthentication"),
    destinationRules: of("DestinationRule"),
    serviceEntries: of("ServiceEntry"),
    sidecars: of("Sidecar")
  };
}
function withObjects(mesh, objects) {
  return buildMesh([...meshObjects(mesh), ...objects], mesh.settings);
}
function resolveMeshSettings(fragments, overrides, diagnostics) {
  const settings = { ...DEFAULT_MESH_SETTINGS };
  const seen = /* @__PURE__ */ new Set();
  for (const fragment of fragments) {
    for (const [key, setting] of Object.entries(fragment)) {
      const current = settings[key];
      if (!seen.has(key)) {
        settings[key] = setting;
        seen.add(key);
      } else if (current && JSON.stringify(current.value) !== JSON.stringify(setting.value) && setting.at && current.at) {
        diagnostics.push(
          diagnostic("MG022", setting.at, {
            setting: key,
            value: JSON.stringify(setting.value),
            other: formatSource(current.at)
          })
        );
      }
    }
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== void 0) settings[key] = { value, at: null, origin: "option" };
  }
  return settings;
}

// src/analysis/load/cache.ts
function createLoadCache() {
  return { documents: /* @__PURE__ */ new Map() };
}
function lookupDocument(cache, text, place2) {
  const entries = cache.documents.get(text);
  if (entries === void 0) return void 0;
  const same = entries.find(
    (e) => e.file === place2.file && e.documentIndex === place2.documentIndex && e.lineOffset === place2.lineOffset && e.defaultNamespace === place2.defaultNamespace
  );
  if (same !== void 0) return same.result;
  const moved = entries.find((e) => e.defaultNamespace === place2.defaultNamespace);
  if (moved === void 0) return void 0;
  const result = relocate(
    moved.result,
    place2.file,
    place2.documentIndex,
    place2.lineOffset - moved.lineOffset
  );
  entries.push({ ...place2, result });
  return result;
}
function storeDocument(cache, text, place2, result) {
  const entries = cache.documents.get(text);
  if (entries === void 0) cache.documents.set(text, [{ ...place2, result }]);
  else entries.push({ ...place2, result });
}
function relocate(result, file, documentIndex, lineDelta) {
  const move = (value) => {
    if (Array.isArray(value)) return value.map(move);
    if (typeof value !== "object" || value === null) return value;
    const record2 = value;
    if (isSource(record2))
      return {
        file,
        documentIndex,
        line: record2.line + lineDelta,
        column: record2.column
      };
    const out = {};
    for (const key of Object.keys(record2)) out[key] = move(record2[key]);
    return out;
  };
  return move(result);
}
function isSource(value) {
  return typeof value.file === "string" && typeof value.documentIndex === "number" && typeof value.line === "number" && typeof value.column === "number";
}

// src/analysis/load/classify.ts
var SECURITY_VERSIONS = ["v1", "v1beta1"];
var NETWORKING_VERSIONS = ["v1", "v1beta1", "v1alpha3"];
var SECURITY_KINDS = /* @__PURE__ */ new Set([
  "PeerAuthentication",
  "AuthorizationPolicy",
  "RequestAuthentication"
]);
var NETWORKING_KINDS = /* @__PURE__ */ new Set(["DestinationRule", "ServiceEntry", "Sidecar"]);
var WORKLOAD_GROUPS = {
  Pod: [""],
  ReplicationController: [""],
  Deployment: ["apps", "extensions"],
  StatefulSet: ["apps"],
  DaemonSet: ["apps", "extensions"],
  ReplicaSet: ["apps", "extensions"],
  Job: ["batch"],
  CronJob: ["batch"],
  Rollout: ["argoproj.io"]
};
var CORE_KINDS = {
  Namespace: "namespace",
  Service: "service",
  ServiceAccount: "service-account",
  ConfigMap: "config-map"
};
var OBSOLETE_GROUPS = {
  "authentication.istio.io": "PeerAuthentication or RequestAuthentication (security.istio.io/v1)",
  "rbac.istio.io": "AuthorizationPolicy (security.istio.io/v1)"
};
function splitApiVersion(apiVersion) {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}
function classify(apiVersion, kind) {
  const { group: group2, version } = splitApiVersion(apiVersion);
  if (group2 in OBSOLETE_GROUPS)
    return { type: "obsolete", replacement: OBSOLETE_GROUPS[group2] ?? "" };
  if (group2 === "security.istio.io" && SECURITY_KINDS.has(kind)) {
    return SECURITY_VERSIONS.includes(version) ? { type: "istio", kind } : {
      type: "unknown-version",
      known: SECURITY_VERSIONS.map((v) => `${group2}/${v}`).join(" or ")
    };
  }
  if (group2 === "networking.istio.io" && NETWORKING_KINDS.has(kind)) {
    return NETWORKING_VERSIONS.includes(version) ? { type: "istio", kind } : {
      type: "unknown-version",
      known: NETWORKING_VERSIONS.map((v) => `${group2}/${v}`).join(", ")
    };
  }
  if (group2 === "install.istio.io" && kind === "IstioOperator") return { type: "istio-operator" };
  if (group2 === "" && kind in CORE_KINDS)
    return { type: CORE_KINDS[kind] };
  if (WORKLOAD_KINDS.includes(kind) && WORKLOAD_GROUPS[kind].includes(group2)) {
    return { type: "workload", kind };
  }
  if (kind === "List" || kind.endsWith("List") && group2 === "") return { type: "list" };
  return { type: "not-modelled" };
}

// src/analysis/load/narrow/context.ts
var NON_FATAL = /* @__PURE__ */ new Set(["MG002", "MG012", "MG013", "MG022"]);
var NarrowContext = class {
  constructor(file, documentIndex, lineOffset, sink) {
    this.file = file;
    this.documentIndex = documentIndex;
    this.lineOffset = lineOffset;
    this.sink = sink;
  }
  file;
  documentIndex;
  lineOffset;
  sink;
  /** True once an error was reported that makes the current object invalid. */
  rejected = false;
  ref;
  at(pos) {
    return {
      file: this.file,
      documentIndex: this.documentIndex,
      line: pos.line + this.lineOffset,
      column: pos.column
    };
  }
  report(code, pos, params) {
    const at = "file" in pos ? pos : this.at(pos);
    const found = diagnostic(code, at, params, this.ref);
    if (found.severity === "error" && !NON_FATAL.has(code)) this.rejected = true;
    this.sink.push(found);
  }
  /** Starts a new object: clears the rejection flag and sets the ref diagnostics carry. */
  beginObject(ref) {
    this.ref = ref;
    this.rejected = false;
  }
};

// src/analysis/model/istio.ts
var MTLS_MODES = ["UNSET", "DISABLE", "PERMISSIVE", "STRICT"];
var AUTHZ_ACTIONS = ["ALLOW", "DENY", "AUDIT", "CUSTOM"];
var SOURCE_FIELDS = [
  "principals",
  "notPrincipals",
  "requestPrincipals",
  "notRequestPrincipals",
  "namespaces",
  "notNamespaces",
  "serviceAccounts",
  "notServiceAccounts",
  "trustDomains",
  "notTrustDomains",
  "ipBlocks",
  "notIpBlocks",
  "remoteIpBlocks",
  "notRemoteIpBlocks"
];
var OPERATION_FIELDS = [
  "hosts",
  "notHosts",
  "ports",
  "notPorts",
  "methods",
  "notMethods",
  "paths",
  "notPaths"
];
var CLIENT_TLS_MODES = ["DISABLE", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL"];

// src/analysis/load/validate/authorization-values.ts
var VALID_LITERAL = /^[a-zA-Z0-9\-._~%!$&'()+,;:@=]+$/;
var MATCH_ONE = "{*}";
var MATCH_ANY = "{**}";
function checkPort(value) {
  if (!/^\d+$/.test(value) || Number(value) > 65535) return "ports are numbers from 0 to 65535";
  return null;
}
function checkIpOrCidr(value) {
  const slash = value.indexOf("/");
  if (slash >= 0) {
    const bits = value.slice(slash + 1);
    const address = value.slice(0, slash);
    const family = ipFamily(address);
    if (family === null || !/^\d+$/.test(bits)) return "not a CIDR range";
    return Number(bits) <= (family === 4 ? 32 : 128) ? null : "prefix length too long";
  }
  return ipFamily(value) === null ? "not an IP address or CIDR range" : null;
}
function ipFamily(value) {
  if (/^(\d{1,3})(\.\d{1,3}){3}$/.test(value)) {
    const octets = value.split(".");
    return octets.every((o) => Number(o) <= 255 && (o === "0" || !o.startsWith("0"))) ? 4 : null;
  }
  return isIpv6(value) ? 6 : null;
}
function isIpv6(value) {
  const zoneless = value.split("%")[0] ?? "";
  if (!/^[0-9a-fA-F:.]+$/.test(zoneless) || !zoneless.includes(":")) return false;
  const halves = zoneless.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => half === "" ? [] : half.split(":"));
  let count = 0;
  for (const [index, group2] of groups.entries()) {
    if (group2.includes(".")) {
      if (index !== groups.length - 1 || ipFamily(group2) !== 4) return false;
      count += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(group2)) count += 1;
    else return false;
  }
  return halves.length === 2 ? count < 8 : count === 8;
}
function checkServiceAccount(value) {
  if (value.includes("*")) return "wildcards are not allowed in serviceAccounts";
  if (value.length > 320) return "longer than 320 characters";
  const parts = value.split("/");
  if (parts.length > 2 || parts.some((part) => part === "")) {
    return "expected 'serviceAccount' or 'namespace/serviceAccount'";
  }
  return null;
}
function checkWildcard(value) {
  const stars = value.split("*").length - 1;
  if (stars > 1) return "at most one wildcard is allowed";
  if (stars === 1 && value !== "*" && !value.startsWith("*") && !value.endsWith("*")) {
    return "a wildcard is only allowed at the start or the end";
  }
  return null;
}
function checkTrustDomain(value) {
  return checkWildcard(value) ?? (value.includes("/") ? "a trust domain cannot contain '/'" : null);
}
function checkPathTemplate(value) {
  const hasTemplate = value.includes(MATCH_ONE) || value.includes(MATCH_ANY);
  let seenMatchAny = false;
  for (const segment of trimSlashes(value).split("/")) {
    if (segment === MATCH_ONE && !seenMatchAny) continue;
    if (segment === MATCH_ANY && !seenMatchAny) {
      seenMatchAny = true;
      continue;
    }
    if (segment === MATCH_ANY || segment === MATCH_ONE) return "`{**}` must be the last operator";
    if (/[{}]/.test(segment)) return "contains '{' or '}' outside a whole-segment `{*}` or `{**}`";
    if (hasTemplate && !VALID_LITERAL.test(segment))
      return `segment ${quote(segment)} is not a valid literal`;
  }
  return null;
}
function trimSlashes(value) {
  let start = 0;
  let end = value.length;
  while (start < end && value[start] === "/") start++;
  while (end > start && value[end - 1] === "/") end--;
  return value.slice(start, end);
}
var ACCEPT = () => null;
function checkConditionKey(key) {
  const mapKey = (prefix) => isMapKey(key) ? { ok: true, values: ACCEPT } : { ok: false, reason: `should have the form ${prefix}[name]` };
  if (key.startsWith("request.headers")) return mapKey("request.headers");
  if (key.startsWith("request.auth.claims")) return mapKey("request.auth.claims");
  if (key.startsWith("experimental.envoy.filters."))
    return mapKey("experimental.envoy.filters.<filter>");
  switch (key) {
    case "source.ip":
    case "remote.ip":
    case "destination.ip":
      return { ok: true, values: checkIpOrCidr };
    case "destination.port":
      return { ok: true, values: checkPort };
    case "source.serviceAccount":
      return { ok: true, values: checkServiceAccount };
    case "source.trustDomain":
      return { ok: true, values: checkWildcard };
    case "source.namespace":
    case "source.principal":
    case "request.auth.principal":
    case "request.auth.audiences":
    case "request.auth.presenter":
    case "connection.sni":
      return { ok: true, values: ACCEPT };
    case "destination.namespace":
      return { ok: false, reason: "replaced by metadata.namespace" };
    case "destination.name":
    case "destination.user":
      return { ok: false, reason: "only supported in the removed v1alpha1 API" };
    default:
      if (key.startsWith("destination.labels"))
        return { ok: false, reason: "replaced by the workload selector" };
      return { ok: false, reason: "unknown attribute" };
  }
}
function isMapKey(key) {
  const open = key.indexOf("[");
  return key.endsWith("]") && open > 0 && open < key.length - 2;
}

// src/analysis/load/narrow/read.ts
function describeNode(node) {
  if (node === null) return "empty";
  if (node.type === "map") return "a mapping";
  if (node.type === "seq") return "a list";
  if (node.value === null) return "null";
  if (isYaml11Boolean(node))
    return `${quote(String(node.value))}, a boolean to Kubernetes' YAML 1.1 reader`;
  if (typeof node.value === "string") return "a string";
  return `the ${typeof node.value} ${String(node.value)}`;
}
function pairOf(map, key) {
  for (const pair of map.pairs) if (pair.key === key) return pair;
  return void 0;
}
function presentValue(map, key) {
  const value = pairOf(map, key)?.value ?? null;
  return value?.type === "scalar" && value.value === null ? null : value;
}
function wrongType(ctx, node, fallbackPos, field2, expected) {
  ctx.report("MG009", node?.pos ?? fallbackPos, { field: field2, expected, actual: describeNode(node) });
  return null;
}
function readMap(ctx, parent, key, field2) {
  const value = presentValue(parent, key);
  if (value === null) return null;
  if (value.type === "map") return value;
  return wrongType(ctx, value, value.pos, field2, "a mapping");
}
function readList(ctx, parent, key, field2) {
  const value = presentValue(parent, key);
  if (value === null) return null;
  if (value.type === "seq")
    return value.items.map(
      (item) => item?.type === "scalar" && item.value === null ? null : item
    );
  if (value.type === "map" && value.pairs.length === 0) {
    ctx.report("MG023", value.pos, { field: field2 });
    return [];
  }
  return wrongType(ctx, value, value.pos, field2, "a list");
}
function scalarString(node) {
  return node?.type === "scalar" && typeof node.value === "string" ? node.value : null;
}
function asString(ctx, node, field2, fallbackPos) {
  if (node?.type === "scalar" && typeof node.value === "string" && !isYaml11Boolean(node)) {
    return { value: node.value, at: ctx.at(node.pos) };
  }
  return wrongType(ctx, node, fallbackPos, field2, "a string");
}
var YAML11_BOOLEANS = /* @__PURE__ */ new Set([
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "on",
  "On",
  "ON",
  "off",
  "Off",
  "OFF"
]);
function isYaml11Boolean(node) {
  return node.plain && typeof node.value === "string" && YAML11_BOOLEANS.has(node.value);
}
function readString(ctx, parent, key, field2) {
  const pair = pairOf(parent, key);
  if (pair === void 0 || pair.value === null) return null;
  return asString(ctx, pair.value, field2, pair.keyPos);
}
function readStringList(ctx, parent, key, field2) {
  const items = readList(ctx, parent, key, field2);
  if (items === null) return null;
  const values = [];
  const pos = pairOf(parent, key)?.keyPos ?? parent.pos;
  items.forEach((item, index) => {
    const value = asString(ctx, item, `${field2}[${index}]`, item?.pos ?? pos);
    if (value !== null) values.push(value);
  });
  return values;
}
function readBoolean(ctx, parent, key, field2) {
  const pair = pairOf(parent, key);
  if (pair === void 0 || pair.value === null) return null;
  if (pair.value.type === "scalar" && typeof pair.value.value === "boolean")
    return pair.value.value;
  return wrongType(ctx, pair.value, pair.keyPos, field2, "true or false");
}
function asInteger(ctx, node, field2, fallbackPos, min, max) {
  if (node?.type === "scalar" && typeof node.value === "number" && Number.isInteger(node.value)) {
    if (node.value >= min && node.value <= max) return node.value;
    ctx.report("MG016", node.pos, {
      field: field2,
      value: String(node.value),
      reason: `must be between ${min} and ${max}`
    });
    return null;
  }
  return wrongType(ctx, node, fallbackPos, field2, "an integer");
}
function readInteger(ctx, parent, key, field2, min, max) {
  const pair = pairOf(parent, key);
  if (pair === void 0 || pair.value === null) return null;
  return asInteger(ctx, pair.value, field2, pair.keyPos, min, max);
}
function readLabels(ctx, parent, key, field2) {
  const map = readMap(ctx, parent, key, field2);
  if (map === null) return {};
  const labels = {};
  for (const pair of map.pairs) {
    const value = pair.value === null ? { value: "", at: ctx.at(pair.keyPos) } : asString(ctx, pair.value, `${field2}.${pair.key}`, pair.keyPos);
    if (value !== null) labels[pair.key] = value.value;
  }
  return labels;
}
function readMapItems(ctx, parent, key, field2, known, kind) {
  const items = readMappings(ctx, parent, key, field2);
  for (const { item, path } of items) checkFields(ctx, item, known, path, kind);
  return items;
}
function readMappings(ctx, parent, key, field2) {
  const items = [];
  (readList(ctx, parent, key, field2) ?? []).forEach((item, index) => {
    const path = `${field2}[${index}]`;
    if (item === null) return;
    if (item.type !== "map") {
      wrongType(ctx, item, item.pos, path, "a mapping");
      return;
    }
    items.push({ item, path });
  });
  return items;
}
function checkFields(ctx, map, known, field2, kind) {
  for (const pair of map.pairs) {
    if (!known.has(pair.key))
      ctx.report("MG010", pair.keyPos, {
        field: field2 === "" ? pair.key : `${field2}.${pair.key}`,
        kind
      });
  }
}

// src/analysis/load/narrow/selectors.ts
var MATCH_LABELS_FIELDS = /* @__PURE__ */ new Set(["matchLabels"]);
var LABELS_FIELDS = /* @__PURE__ */ new Set(["labels"]);
var TARGET_REF_FIELDS = /* @__PURE__ */ new Set(["group", "kind", "name", "namespace"]);
function readMatchLabelsSelector(ctx, parent, key, field2, kind) {
  const map = readMap(ctx, parent, key, field2);
  if (map === null) return null;
  if (pairOf(map, "matchExpressions") !== void 0) {
    ctx.report("MG013", pairOf(map, "matchExpressions")?.keyPos ?? map.pos, {
      detail: `\`${field2}.matchExpressions\` is not supported by Istio and is dropped, so the selector is wider than written`
    });
  }
  checkFields(ctx, map, /* @__PURE__ */ new Set([...MATCH_LABELS_FIELDS, "matchExpressions"]), field2, kind);
  const matchLabels = readLabels(ctx, map, "matchLabels", `${field2}.matchLabels`);
  validateExactLabels(ctx, map, "matchLabels", `${field2}.matchLabels`, matchLabels);
  return { matchLabels, at: ctx.at(map.pos) };
}
function readLabelsSelector(ctx, parent, key, field2, kind) {
  const map = readMap(ctx, parent, key, field2);
  if (map === null) return null;
  checkFields(ctx, map, LABELS_FIELDS, field2, kind);
  const matchLabels = readLabels(ctx, map, "labels", `${field2}.labels`);
  validateExactLabels(ctx, map, "labels", `${field2}.labels`, matchLabels);
  return { matchLabels, at: ctx.at(map.pos) };
}
function validateExactLabels(ctx, map, key, field2, labels) {
  const labelsMap = readMap(ctx, map, key, field2);
  for (const [label, value] of Object.entries(labels)) {
    if (!label.includes("*") && !value.includes("*") && label !== "") continue;
    const pos = labelsMap ? pairOf(labelsMap, label)?.keyPos ?? map.pos : map.pos;
    ctx.report("MG016", pos, {
      field: `${field2}.${label}`,
      value: `${label}: ${value}`,
      reason: label === "" ? "label keys cannot be empty" : "wildcards are not allowed in selectors"
    });
  }
}
function readTargetRefs(ctx, spec, kind) {
  const refs = [];
  const single = readMap(ctx, spec, "targetRef", "spec.targetRef");
  if (single !== null) refs.push(readTargetRef(ctx, single, "spec.targetRef", kind));
  for (const { item, path } of readMappings(ctx, spec, "targetRefs", "spec.targetRefs"))
    refs.push(readTargetRef(ctx, item, path, kind));
  return refs;
}
function readTargetRef(ctx, map, field2, kind) {
  checkFields(ctx, map, TARGET_REF_FIELDS, field2, kind);
  const targetKind = readString(ctx, map, "kind", `${field2}.kind`);
  const name = readString(ctx, map, "name", `${field2}.name`);
  if (targetKind === null) ctx.report("MG008", map.pos, { field: `${field2}.kind`, kind });
  if (name === null) ctx.report("MG008", map.pos, { field: `${field2}.name`, kind });
  return {
    group: readString(ctx, map, "group", `${field2}.group`)?.value ?? "",
    kind: targetKind?.value ?? "",
    name: name?.value ?? "",
    at: ctx.at(map.pos)
  };
}

// src/analysis/load/narrow/authorization-policy.ts
var KIND = "AuthorizationPolicy";
var SPEC_FIELDS = /* @__PURE__ */ new Set(["selector", "targetRef", "targetRefs", "rules", "action", "provider"]);
var RULE_FIELDS = /* @__PURE__ */ new Set(["from", "to", "when"]);
var CONDITION_FIELDS = /* @__PURE__ */ new Set(["key", "values", "notValues"]);
var VALUE_CHECKS = {
  ipBlocks: checkIpOrCidr,
  notIpBlocks: checkIpOrCidr,
  remoteIpBlocks: checkIpOrCidr,
  notRemoteIpBlocks: checkIpOrCidr,
  serviceAccounts: checkServiceAccount,
  notServiceAccounts: checkServiceAccount,
  trustDomains: checkTrustDomain,
  notTrustDomains: checkTrustDomain,
  ports: checkPort,
  notPorts: checkPort,
  paths: checkPathTemplate,
  notPaths: checkPathTemplate
};
var CUSTOM_FORBIDDEN_SOURCE = /* @__PURE__ */ new Set([
  "principals",
  "notPrincipals",
  "requestPrincipals",
  "notRequestPrincipals",
  "namespaces",
  "notNamespaces",
  "serviceAccounts",
  "notServiceAccounts",
  "trustDomains",
  "notTrustDomains"
]);
var CUSTOM_FORBIDDEN_KEYS = /* @__PURE__ */ new Set([
  "source.namespace",
  "source.serviceAccount",
  "source.trustDomain",
  "source.principal"
]);
function narrowAuthorizationPolicy(ctx, object, base) {
  const spec = readMap(ctx, object, "spec", "spec");
  if (spec !== null) checkFields(ctx, spec, SPEC_FIELDS, "spec", KIND);
  const selector = spec && readMatchLabelsSelector(ctx, spec, "selector", "spec.selector", KIND);
  const targetRefs = spec ? readTargetRefs(ctx, spec, KIND) : [];
  if (selector !== null && targetRefs.length > 0) ctx.report("MG020", selector.at, {});
  const action = spec ? readAction(ctx, spec) : null;
  const actionValue = action?.value ?? "ALLOW";
  const provider = spec ? readProvider(ctx, spec, actionValue) : null;
  const rules = spec ? readRules(ctx, spec, actionValue) : null;
  if ((actionValue === "DENY" || actionValue === "CUSTOM") && (rules === null || rules.length === 0)) {
    ctx.report("MG015", action?.at ?? base.source, { action: actionValue });
  }
  return {
    ...base,
    kind: KIND,
    selector,
    targetRefs,
    action: actionValue,
    actionAt: action?.at ?? base.source,
    provider,
    rules,
    dryRun: readDryRun(ctx, object, base, actionValue),
    dryRunAt: dryRunPosition(ctx, object)
  };
}
var DRY_RUN = "istio.io/dry-run";
var GO_BOOLEANS = new Map(
  ["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"].map((v, i) => [
    v,
    i < 6
  ])
);
function readDryRun(ctx, object, base, action) {
  const value = base.annotations[DRY_RUN];
  if (value === void 0) return false;
  const at = dryRunPosition(ctx, object) ?? base.source;
  const field2 = `metadata.annotations.${DRY_RUN}`;
  if (action !== "ALLOW" && action !== "DENY") {
    ctx.report("MG016", at, {
      field: field2,
      value,
      reason: `Istio supports it on ALLOW and DENY policies only, not ${action}`
    });
    return false;
  }
  const parsed = GO_BOOLEANS.get(value);
  if (parsed === void 0)
    ctx.report("MG016", at, {
      field: field2,
      value,
      reason: "it must be a boolean such as `true` or `false`"
    });
  return parsed ?? false;
}
function dryRunPosition(ctx, object) {
  const meta = pairOf(object, "metadata")?.value;
  const annotations = meta?.type === "map" ? pairOf(meta, "annotations")?.value : null;
  const pair = annotations?.type === "map" ? pairOf(annotations, DRY_RUN) : null;
  return pair ? ctx.at(pair.keyPos) : null;
}
function readAction(ctx, spec) {
  const action = readString(ctx, spec, "action", "spec.action");
  if (action === null) return null;
  if (AUTHZ_ACTIONS.includes(action.value))
    return action;
  ctx.report("MG011", action.at, {
    field: "spec.action",
    value: action.value,
    allowed: AUTHZ_ACTIONS.join(", ")
  });
  return null;
}
function readProvider(ctx, spec, action) {
  const provider = readMap(ctx, spec, "provider", "spec.provider");
  if (provider === null) {
    if (action === "CUSTOM")
      ctx.report("MG018", spec.pos, { detail: "a CUSTOM policy needs `provider.name`" });
    return null;
  }
  checkFields(ctx, provider, /* @__PURE__ */ new Set(["name"]), "spec.provider", KIND);
  const name = readString(ctx, provider, "name", "spec.provider.name");
  if (action !== "CUSTOM") {
    ctx.report("MG018", provider.pos, {
      detail: `\`provider\` is only allowed with action CUSTOM, not ${action}`
    });
  } else if (name === null || name.value === "") {
    ctx.report("MG018", provider.pos, {
      detail: "a CUSTOM policy needs a non-empty `provider.name`"
    });
  }
  return name;
}
function readRules(ctx, spec, action) {
  const items = readList(ctx, spec, "rules", "spec.rules");
  if (items === null) return null;
  const rules = [];
  items.forEach((item, index) => {
    const field2 = `spec.rules[${index}]`;
    if (item === null) {
      ctx.report("MG019", spec.pos, { field: field2 });
      return;
    }
    if (item.type !== "map") {
      ctx.report("MG009", item.pos, {
        field: field2,
        expected: "a mapping",
        actual: item.type === "seq" ? "a list" : "a scalar"
      });
      return;
    }
    rules.push(readRule(ctx, item, field2, action));
  });
  return rules;
}
function readRule(ctx, rule, field2, action) {
  checkFields(ctx, rule, RULE_FIELDS, field2, KIND);
  return {
    at: ctx.at(rule.pos),
    from: readClauses(
      ctx,
      rule,
      "from",
      "source",
      field2,
      (map, path) => readSource(ctx, map, path, action)
    ),
    to: readClauses(
      ctx,
      rule,
      "to",
      "operation",
      field2,
      (map, path) => readOperation(ctx, map, path)
    ),
    when: readConditions(ctx, rule, field2, action)
  };
}
function readClauses(ctx, rule, key, inner, field2, read) {
  const items = readList(ctx, rule, key, `${field2}.${key}`);
  if (items === null) return null;
  if (items.length === 0)
    ctx.report("MG019", pairOf(rule, key)?.keyPos ?? rule.pos, { field: `${field2}.${key}` });
  const clauses = [];
  items.forEach((item, index) => {
    const path = `${field2}.${key}[${index}]`;
    if (item?.type !== "map") {
      ctx.report("MG019", item?.pos ?? rule.pos, { field: path });
      return;
    }
    checkFields(ctx, item, /* @__PURE__ */ new Set([inner]), path, KIND);
    const body2 = readMap(ctx, item, inner, `${path}.${inner}`);
    if (body2 === null) {
      ctx.report("MG019", item.pos, { field: `${path}.${inner}` });
      return;
    }
    const clause = read(body2, `${path}.${inner}`);
    if (clause !== null) clauses.push(clause);
  });
  return clauses;
}
function readMatchFields(ctx, map, path, fields) {
  checkFields(ctx, map, new Set(fields), path, KIND);
  const result = {};
  let written = false;
  for (const name of fields) {
    const values = readStringList(ctx, map, name, `${path}.${name}`);
    if (values === null) continue;
    const node = presentValue(map, name);
    written ||= node?.type === "seq" && node.items.length > 0;
    const check = VALUE_CHECKS[name];
    for (const [index, value] of values.entries()) {
      const reason = value.value === "" ? "empty values are not allowed" : check?.(value.value);
      if (reason)
        ctx.report("MG016", value.at, {
          field: `${path}.${name}[${index}]`,
          value: value.value,
          reason
        });
    }
    if (values.length > 0)
      result[name] = { values, at: ctx.at(pairOf(map, name)?.keyPos ?? map.pos) };
  }
  return { fields: result, written };
}
function readSource(ctx, map, path, action) {
  const { fields, written } = readMatchFields(ctx, map, path, SOURCE_FIELDS);
  const present = Object.keys(fields);
  if (!written) ctx.report("MG019", map.pos, { field: path });
  const identity = ["principals", "notPrincipals", "namespaces", "notNamespaces"].some(
    (f) => f in fields
  );
  if (identity && ("serviceAccounts" in fields || "notServiceAccounts" in fields)) {
    ctx.report("MG016", map.pos, {
      field: path,
      value: "serviceAccounts",
      reason: "cannot be combined with principals or namespaces"
    });
  }
  if (action === "CUSTOM") {
    for (const name of present.filter((f) => CUSTOM_FORBIDDEN_SOURCE.has(f))) {
      ctx.report("MG018", fields[name]?.at ?? ctx.at(map.pos), {
        detail: `${quote(name)} is not supported with action CUSTOM`
      });
    }
  }
  return { at: ctx.at(map.pos), ...fields };
}
function readOperation(ctx, map, path) {
  const { fields, written } = readMatchFields(ctx, map, path, OPERATION_FIELDS);
  if (!written) ctx.report("MG019", map.pos, { field: path });
  return { at: ctx.at(map.pos), ...fields };
}
function readConditions(ctx, rule, field2, action) {
  const items = readList(ctx, rule, "when", `${field2}.when`);
  if (items === null) return null;
  const conditions = [];
  items.forEach((item, index) => {
    const path = `${field2}.when[${index}]`;
    if (item?.type !== "map") {
      ctx.report("MG019", item?.pos ?? rule.pos, { field: path });
      return;
    }
    const condition = readCondition(ctx, item, path, action);
    if (condition !== null) conditions.push(condition);
  });
  return conditions;
}
function readCondition(ctx, item, path, action) {
  checkFields(ctx, item, CONDITION_FIELDS, path, KIND);
  const key = readString(ctx, item, "key", `${path}.key`);
  if (key === null || key.value === "") {
    ctx.report("MG008", item.pos, { field: `${path}.key`, kind: KIND });
    return null;
  }
  const values = readStringList(ctx, item, "values", `${path}.values`);
  const notValues = readStringList(ctx, item, "notValues", `${path}.notValues`);
  if ((values?.length ?? 0) === 0 && (notValues?.length ?? 0) === 0) {
    ctx.report("MG019", item.pos, { field: `${path}.values` });
  }
  const check = checkConditionKey(key.value);
  if (!check.ok) {
    ctx.report("MG017", key.at, { key: key.value, reason: check.reason });
  } else {
    for (const [name, list] of [
      ["values", values],
      ["notValues", notValues]
    ]) {
      for (const [index, value] of (list ?? []).entries()) {
        const reason = value.value === "" ? "empty values are not allowed" : check.values(value.value);
        if (reason)
          ctx.report("MG016", value.at, {
            field: `${path}.${name}[${index}]`,
            value: value.value,
            reason
          });
      }
    }
  }
  if (action === "CUSTOM" && (CUSTOM_FORBIDDEN_KEYS.has(key.value) || key.value.startsWith("request.auth."))) {
    ctx.report("MG018", key.at, {
      detail: `${quote(key.value)} is not supported with action CUSTOM`
    });
  }
  return { at: ctx.at(item.pos), key, values: nonEmpty(values), notValues: nonEmpty(notValues) };
}
function nonEmpty(list) {
  return list === null || list.length === 0 ? null : list;
}

// src/analysis/load/narrow/destination-rule.ts
var KIND2 = "DestinationRule";
var SPEC_FIELDS2 = /* @__PURE__ */ new Set(["host", "trafficPolicy", "subsets", "exportTo", "workloadSelector"]);
var POLICY_FIELDS = /* @__PURE__ */ new Set([
  "loadBalancer",
  "connectionPool",
  "outlierDetection",
  "tls",
  "portLevelSettings",
  "tunnel",
  "proxyProtocol",
  "retryBudget"
]);
var PORT_POLICY_FIELDS = /* @__PURE__ */ new Set([
  "port",
  "loadBalancer",
  "connectionPool",
  "outlierDetection",
  "tls"
]);
var TLS_FIELDS = /* @__PURE__ */ new Set([
  "mode",
  "clientCertificate",
  "privateKey",
  "caCertificates",
  "credentialName",
  "subjectAltNames",
  "sni",
  "insecureSkipVerify",
  "caCrl"
]);
var SUBSET_FIELDS = /* @__PURE__ */ new Set(["name", "labels", "trafficPolicy"]);
function narrowDestinationRule(ctx, object, base) {
  const spec = readMap(ctx, object, "spec", "spec");
  if (spec !== null) checkFields(ctx, spec, SPEC_FIELDS2, "spec", KIND2);
  const host = spec && readString(ctx, spec, "host", "spec.host");
  if (host === null || host.value === "")
    ctx.report("MG008", base.source, { field: "spec.host", kind: KIND2 });
  const exportTo = spec && readStringList(ctx, spec, "exportTo", "spec.exportTo");
  return {
    ...base,
    kind: KIND2,
    host: host ?? { value: "", at: base.source },
    exportTo: exportTo === null ? null : exportTo.map((e) => e.value),
    workloadSelector: spec && readMatchLabelsSelector(ctx, spec, "workloadSelector", "spec.workloadSelector", KIND2),
    trafficPolicy: spec && readTrafficPolicy(ctx, spec, "spec.trafficPolicy"),
    subsets: spec ? readSubsets(ctx, spec) : []
  };
}
function readTrafficPolicy(ctx, parent, field2) {
  const policy = readMap(ctx, parent, "trafficPolicy", field2);
  if (policy === null) return null;
  checkFields(ctx, policy, POLICY_FIELDS, field2, KIND2);
  const loadBalancer = readMap(ctx, policy, "loadBalancer", `${field2}.loadBalancer`);
  return {
    at: ctx.at(policy.pos),
    tls: readTls(ctx, policy, `${field2}.tls`),
    portLevelSettings: readPortLevelSettings(ctx, policy, `${field2}.portLevelSettings`),
    loadBalancerSimple: (loadBalancer && readString(ctx, loadBalancer, "simple", `${field2}.loadBalancer.simple`)?.value) ?? null
  };
}
function readTls(ctx, parent, field2) {
  const pair = pairOf(parent, "tls");
  if (pair === void 0) return null;
  const tls = pair.value === null ? null : readMap(ctx, parent, "tls", field2);
  if (tls === null) {
    if (pair.value !== null) return null;
    return {
      at: ctx.at(pair.keyPos),
      mode: "DISABLE",
      modeWritten: false,
      credentialName: null,
      hasCaCertificates: false
    };
  }
  checkFields(ctx, tls, TLS_FIELDS, field2, KIND2);
  const mode = readString(ctx, tls, "mode", `${field2}.mode`);
  let value = "DISABLE";
  if (mode !== null) {
    if (CLIENT_TLS_MODES.includes(mode.value))
      value = mode.value;
    else
      ctx.report("MG011", mode.at, {
        field: `${field2}.mode`,
        value: mode.value,
        allowed: CLIENT_TLS_MODES.join(", ")
      });
  }
  return {
    at: mode?.at ?? ctx.at(tls.pos),
    mode: value,
    modeWritten: mode !== null,
    credentialName: readString(ctx, tls, "credentialName", `${field2}.credentialName`)?.value ?? null,
    hasCaCertificates: readString(ctx, tls, "caCertificates", `${field2}.caCertificates`) !== null
  };
}
function readPortLevelSettings(ctx, policy, field2) {
  const settings = [];
  readMapItems(ctx, policy, "portLevelSettings", field2, PORT_POLICY_FIELDS, KIND2).forEach(
    ({ item, path }) => {
      const port = readMap(ctx, item, "port", `${path}.port`);
      const number = port && readInteger(ctx, port, "number", `${path}.port.number`, 1, 65535);
      if (number === null) {
        ctx.report("MG008", item.pos, { field: `${path}.port.number`, kind: KIND2 });
        return;
      }
      settings.push({ at: ctx.at(item.pos), port: number, tls: readTls(ctx, item, `${path}.tls`) });
    }
  );
  return settings;
}
function readSubsets(ctx, spec) {
  const subsets = [];
  readMapItems(ctx, spec, "subsets", "spec.subsets", SUBSET_FIELDS, KIND2).forEach(
    ({ item, path }) => {
      const name = readString(ctx, item, "name", `${path}.name`);
      if (name === null) ctx.report("MG008", item.pos, { field: `${path}.name`, kind: KIND2 });
      subsets.push({
        at: ctx.at(item.pos),
        name: name?.value ?? "",
        labels: readLabels(ctx, item, "labels", `${path}.labels`),
        trafficPolicy: readTrafficPolicy(ctx, item, `${path}.trafficPolicy`)
      });
    }
  );
  return subsets;
}

// src/analysis/load/narrow/kubernetes.ts
var PROTOCOLS = /* @__PURE__ */ new Set(["TCP", "UDP", "SCTP"]);
var IANA_SERVICE_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;
function narrowNamespace(ctx, object, base) {
  const metadata = pairOf(object, "metadata")?.value;
  const labels = metadata?.type === "map" ? pairOf(metadata, "labels")?.value : void 0;
  return {
    ...base,
    kind: "Namespace",
    labelsAt: labels?.type === "map" ? ctx.at(labels.pos) : base.source
  };
}
function narrowServiceAccount(base) {
  return { ...base, kind: "ServiceAccount" };
}
function podTemplate(ctx, object, kind) {
  if (kind === "Pod") return object;
  const spec = readMap(ctx, object, "spec", "spec");
  if (spec === null) return null;
  if (kind === "CronJob") {
    const jobTemplate = readMap(ctx, spec, "jobTemplate", "spec.jobTemplate");
    const jobSpec = jobTemplate && readMap(ctx, jobTemplate, "spec", "spec.jobTemplate.spec");
    return jobSpec && readMap(ctx, jobSpec, "template", "spec.jobTemplate.spec.template");
  }
  return readMap(ctx, spec, "template", "spec.template");
}
function narrowWorkload(ctx, object, base, kind, meta) {
  const template = podTemplate(ctx, object, kind);
  if (template === null) {
    if (kind === "Rollout") return null;
    ctx.report("MG008", base.source, {
      field: kind === "CronJob" ? "spec.jobTemplate.spec.template" : "spec.template",
      kind
    });
    return null;
  }
  const prefix = kind === "Pod" ? "" : kind === "CronJob" ? "spec.jobTemplate.spec.template." : "spec.template.";
  const templateMeta = kind === "Pod" ? null : readMap(ctx, template, "metadata", `${prefix}metadata`);
  const podSpec = readMap(ctx, template, "spec", `${prefix}spec`);
  const podLabels = kind === "Pod" ? meta.labels : templateMeta ? readLabels(ctx, templateMeta, "labels", `${prefix}metadata.labels`) : {};
  const podAnnotations = kind === "Pod" ? meta.annotations : templateMeta ? readLabels(ctx, templateMeta, "annotations", `${prefix}metadata.annotations`) : {};
  const labelsNode = kind === "Pod" ? readMap(ctx, object, "metadata", "metadata") : templateMeta;
  const serviceAccount2 = (podSpec && (readString(ctx, podSpec, "serviceAccountName", `${prefix}spec.serviceAccountName`) ?? readString(ctx, podSpec, "serviceAccount", `${prefix}spec.serviceAccount`))) ?? null;
  return {
    ...base,
    kind,
    podLabels,
    podAnnotations,
    podLabelsAt: ctx.at((labelsNode ?? template).pos),
    serviceAccountName: serviceAccount2 && serviceAccount2.value !== "" ? serviceAccount2 : { value: "default", at: ctx.at((podSpec ?? template).pos) },
    containerPorts: podSpec ? readContainerPorts(ctx, podSpec, `${prefix}spec`, kind) : [],
    hostNetwork: (podSpec && readBoolean(ctx, podSpec, "hostNetwork", `${prefix}spec.hostNetwork`)) ?? false,
    owner: meta.owner
  };
}
function readContainerPorts(ctx, podSpec, field2, kind) {
  const ports = [];
  for (const list of ["containers", "initContainers"]) {
    for (const container of readMappings(ctx, podSpec, list, `${field2}.${list}`)) {
      const items = readMappings(ctx, container.item, "ports", `${container.path}.ports`);
      for (const { item, path } of items) {
        const number = readInteger(ctx, item, "containerPort", `${path}.containerPort`, 1, 65535);
        if (number === null) {
          if (pairOf(item, "containerPort") === void 0)
            ctx.report("MG008", item.pos, { field: `${path}.containerPort`, kind });
          continue;
        }
        ports.push({
          name: readString(ctx, item, "name", `${path}.name`)?.value ?? null,
          containerPort: number,
          protocol: readProtocol(ctx, item, path),
          at: ctx.at(item.pos)
        });
      }
    }
  }
  return ports;
}
function readProtocol(ctx, port, path) {
  const protocol = readString(ctx, port, "protocol", `${path}.protocol`);
  if (protocol === null) return "TCP";
  if (PROTOCOLS.has(protocol.value)) return protocol.value;
  ctx.report("MG011", protocol.at, {
    field: `${path}.protocol`,
    value: protocol.value,
    allowed: "TCP, UDP, SCTP"
  });
  return "TCP";
}
function narrowService(ctx, object, base) {
  const spec = readMap(ctx, object, "spec", "spec");
  const selectorPair = spec ? pairOf(spec, "selector") : void 0;
  const hasSelector2 = selectorPair !== void 0 && selectorPair.value !== null;
  const clusterIP = spec ? readString(ctx, spec, "clusterIP", "spec.clusterIP") : null;
  return {
    ...base,
    kind: "Service",
    selector: spec && hasSelector2 ? readLabels(ctx, spec, "selector", "spec.selector") : null,
    selectorAt: hasSelector2 && selectorPair ? ctx.at(selectorPair.keyPos) : null,
    ports: spec ? readServicePorts(ctx, spec) : [],
    type: (spec && readString(ctx, spec, "type", "spec.type")?.value) ?? "ClusterIP",
    headless: clusterIP?.value === "None"
  };
}
function readServicePorts(ctx, spec) {
  const ports = [];
  for (const { item, path } of readMappings(ctx, spec, "ports", "spec.ports")) {
    const port = readInteger(ctx, item, "port", `${path}.port`, 1, 65535);
    if (port === null) {
      if (pairOf(item, "port") === void 0)
        ctx.report("MG008", item.pos, { field: `${path}.port`, kind: "Service" });
      continue;
    }
    ports.push({
      name: readString(ctx, item, "name", `${path}.name`)?.value ?? null,
      port,
      targetPort: readTargetPort(ctx, item, path) ?? port,
      protocol: readProtocol(ctx, item, path),
      appProtocol: readString(ctx, item, "appProtocol", `${path}.appProtocol`)?.value ?? null,
      at: ctx.at(item.pos)
    });
  }
  return ports;
}
function readTargetPort(ctx, item, path) {
  const pair = pairOf(item, "targetPort");
  const node = pair?.value ?? null;
  if (pair === void 0 || node === null) return null;
  if (node.type === "scalar" && typeof node.value === "string") {
    if (!IANA_SERVICE_NAME.test(node.value)) {
      ctx.report("MG016", node.pos, {
        field: `${path}.targetPort`,
        value: node.value,
        reason: "a port name needs 1-15 lowercase letters, digits or dashes, with at least one letter"
      });
      return null;
    }
    return node.value;
  }
  return asInteger(ctx, node, `${path}.targetPort`, pair.keyPos, 1, 65535);
}

// src/analysis/load/narrow/mesh-config.ts
var OUTBOUND = ["ALLOW_ANY", "REGISTRY_ONLY"];
function set(value, at) {
  return { value, at, origin: "manifest" };
}
function readMeshConfig(ctx, mesh, field2) {
  const fragment = {};
  const rootNamespace = readString(ctx, mesh, "rootNamespace", `${field2}.rootNamespace`);
  if (rootNamespace !== null && rootNamespace.value !== "")
    fragment.rootNamespace = set(rootNamespace.value, rootNamespace.at);
  const trustDomain = readString(ctx, mesh, "trustDomain", `${field2}.trustDomain`);
  if (trustDomain !== null && trustDomain.value !== "")
    fragment.trustDomain = set(trustDomain.value, trustDomain.at);
  const aliases = readStringList(ctx, mesh, "trustDomainAliases", `${field2}.trustDomainAliases`);
  if (aliases !== null) {
    fragment.trustDomainAliases = set(
      aliases.map((a) => a.value),
      ctx.at(pairOf(mesh, "trustDomainAliases")?.keyPos ?? mesh.pos)
    );
  }
  const autoMtls2 = readBoolean(ctx, mesh, "enableAutoMtls", `${field2}.enableAutoMtls`);
  if (autoMtls2 !== null)
    fragment.enableAutoMtls = set(
      autoMtls2,
      ctx.at(pairOf(mesh, "enableAutoMtls")?.keyPos ?? mesh.pos)
    );
  const outbound = readMap(ctx, mesh, "outboundTrafficPolicy", `${field2}.outboundTrafficPolicy`);
  const mode = outbound && readString(ctx, outbound, "mode", `${field2}.outboundTrafficPolicy.mode`);
  if (mode !== null) {
    if (OUTBOUND.includes(mode.value)) {
      fragment.outboundTrafficPolicy = set(mode.value, mode.at);
    } else {
      ctx.report("MG011", mode.at, {
        field: `${field2}.outboundTrafficPolicy.mode`,
        value: mode.value,
        allowed: OUTBOUND.join(", ")
      });
    }
  }
  if (pairOf(mesh, "extensionProviders") !== void 0) {
    const providers = readMappings(ctx, mesh, "extensionProviders", `${field2}.extensionProviders`);
    const names = providers.flatMap(({ item, path }) => {
      const name = readString(ctx, item, "name", `${path}.name`);
      return name === null ? [] : [name.value];
    });
    fragment.extensionProviders = set(
      names,
      ctx.at(pairOf(mesh, "extensionProviders")?.keyPos ?? mesh.pos)
    );
  }
  const exportTo = readStringList(
    ctx,
    mesh,
    "defaultDestinationRuleExportTo",
    `${field2}.defaultDestinationRuleExportTo`
  );
  if (exportTo !== null) {
    fragment.defaultDestinationRuleExportTo = set(
      exportTo.map((e) => e.value),
      ctx.at(pairOf(mesh, "defaultDestinationRuleExportTo")?.keyPos ?? mesh.pos)
    );
  }
  return fragment;
}
function readIstioNamespace(ctx, values, field2) {
  const global = readMap(ctx, values, "global", `${field2}.global`);
  const namespace = global && readString(ctx, global, "istioNamespace", `${field2}.global.istioNamespace`);
  return namespace === null || namespace.value === "" ? null : set(namespace.value, namespace.at);
}

// src/analysis/load/narrow/metadata.ts
function readMetadata(ctx, object) {
  const meta = readMap(ctx, object, "metadata", "metadata");
  if (meta === null) {
    return {
      name: null,
      namespace: null,
      labels: {},
      annotations: {},
      creationTimestamp: null,
      owner: null
    };
  }
  const name = readString(ctx, meta, "name", "metadata.name");
  const namespace = readString(ctx, meta, "namespace", "metadata.namespace");
  const created = pairOf(meta, "creationTimestamp")?.value ?? null;
  return {
    name,
    namespace: namespace?.value || null,
    labels: readLabels(ctx, meta, "labels", "metadata.labels"),
    annotations: readLabels(ctx, meta, "annotations", "metadata.annotations"),
    creationTimestamp: created?.type === "scalar" && created.value !== null ? String(created.value) : null,
    owner: readController(ctx, meta)
  };
}
function readController(ctx, meta) {
  const owners = readMappings(ctx, meta, "ownerReferences", "metadata.ownerReferences");
  let first2 = null;
  for (const { item: owner } of owners) {
    const kind = scalarString(pairOf(owner, "kind")?.value ?? null);
    const name = scalarString(pairOf(owner, "name")?.value ?? null);
    if (kind === null || name === null) continue;
    const ref = { kind, name };
    const controller = pairOf(owner, "controller")?.value;
    if (controller?.type === "scalar" && controller.value === true) return ref;
    first2 ??= ref;
  }
  return first2;
}
function objectBase(ctx, object, apiVersion, kind, meta, namespace) {
  return {
    ref: { kind, namespace, name: meta.name?.value ?? "" },
    apiVersion,
    source: ctx.at(object.pos),
    labels: meta.labels,
    annotations: meta.annotations,
    creationTimestamp: meta.creationTimestamp
  };
}

// src/analysis/load/narrow/peer-authentication.ts
var KIND3 = "PeerAuthentication";
var SPEC_FIELDS3 = /* @__PURE__ */ new Set(["selector", "mtls", "portLevelMtls"]);
var MTLS_FIELDS = /* @__PURE__ */ new Set(["mode"]);
function narrowPeerAuthentication(ctx, object, base) {
  const spec = readMap(ctx, object, "spec", "spec");
  if (spec !== null) checkFields(ctx, spec, SPEC_FIELDS3, "spec", KIND3);
  const selector = spec && readMatchLabelsSelector(ctx, spec, "selector", "spec.selector", KIND3);
  const mtls = spec && readMap(ctx, spec, "mtls", "spec.mtls");
  if (mtls !== null) checkFields(ctx, mtls, MTLS_FIELDS, "spec.mtls", KIND3);
  const mode = mtls ? readMode(ctx, mtls, "spec.mtls.mode") : null;
  const portLevelMtls = spec && readPortLevelMtls(ctx, spec);
  const hasSelector2 = selector !== null && Object.keys(selector.matchLabels).length > 0;
  if (spec !== null && portLevelMtls !== null && !hasSelector2) {
    ctx.report("MG014", pairOf(spec, "portLevelMtls")?.keyPos ?? base.source, {});
  }
  return {
    ...base,
    kind: KIND3,
    selector,
    mode: mode?.mode ?? "UNSET",
    modeAt: mode?.at ?? (mtls ? ctx.at(mtls.pos) : base.source),
    portLevelMtls: portLevelMtls ?? []
  };
}
function readMode(ctx, parent, field2) {
  const mode = readString(ctx, parent, "mode", field2);
  if (mode === null) return null;
  if (MTLS_MODES.includes(mode.value))
    return { mode: mode.value, at: mode.at };
  ctx.report("MG011", mode.at, { field: field2, value: mode.value, allowed: MTLS_MODES.join(", ") });
  return null;
}
function readPortLevelMtls(ctx, spec) {
  const map = readMap(ctx, spec, "portLevelMtls", "spec.portLevelMtls");
  if (map === null) return null;
  if (map.pairs.length === 0) {
    ctx.report("MG019", map.pos, { field: "spec.portLevelMtls" });
    return [];
  }
  const ports = [];
  for (const pair of map.pairs) {
    const field2 = `spec.portLevelMtls.${pair.key}`;
    const port = Number(pair.key);
    if (!/^\d+$/.test(pair.key) || port < 1 || port > 65535) {
      ctx.report("MG016", pair.keyPos, {
        field: field2,
        value: pair.key,
        reason: "keys must be port numbers from 1 to 65535"
      });
      continue;
    }
    if (pair.value?.type !== "map") {
      ctx.report("MG009", pair.value?.pos ?? pair.keyPos, {
        field: field2,
        expected: "a mapping with `mode`",
        actual: pair.value === null ? "empty" : "another value"
      });
      continue;
    }
    checkFields(ctx, pair.value, MTLS_FIELDS, field2, KIND3);
    const mode = readMode(ctx, pair.value, `${field2}.mode`);
    const portAt = ctx.at(pair.keyPos);
    ports.push({ port, mode: mode?.mode ?? "UNSET", at: mode?.at ?? portAt, portAt });
  }
  return ports.sort((a, b) => a.port - b.port);
}

// src/analysis/load/narrow/request-authentication.ts
var KIND4 = "RequestAuthentication";
var SPEC_FIELDS4 = /* @__PURE__ */ new Set(["selector", "targetRef", "targetRefs", "jwtRules"]);
function narrowRequestAuthentication(ctx, object, base) {
  const spec = readMap(ctx, object, "spec", "spec");
  if (spec !== null) checkFields(ctx, spec, SPEC_FIELDS4, "spec", KIND4);
  const selector = spec && readMatchLabelsSelector(ctx, spec, "selector", "spec.selector", KIND4);
  const targetRefs = spec ? readTargetRefs(ctx, spec, KIND4) : [];
  if (selector !== null && targetRefs.length > 0) ctx.report("MG020", selector.at, {});
  const issuers = [];
  for (const { item: rule, path } of spec ? readMappings(ctx, spec, "jwtRules", "spec.jwtRules") : []) {
    const issuer = readString(ctx, rule, "issuer", `${path}.issuer`);
    const jwksUri = readString(ctx, rule, "jwksUri", `${path}.jwksUri`);
    if (issuer === null && jwksUri === null) {
      ctx.report("MG008", rule.pos, { field: `${path}.issuer`, kind: KIND4 });
    }
    if (issuer !== null) issuers.push(issuer);
  }
  return { ...base, kind: KIND4, selector, targetRefs, issuers };
}

// src/analysis/load/narrow/service-entry.ts
var KIND5 = "ServiceEntry";
var SPEC_FIELDS5 = /* @__PURE__ */ new Set([
  "hosts",
  "addresses",
  "ports",
  "location",
  "resolution",
  "endpoints",
  "workloadSelector",
  "exportTo",
  "subjectAltNames"
]);
var PORT_FIELDS = /* @__PURE__ */ new Set(["number", "protocol", "name", "targetPort"]);
var ENDPOINT_FIELDS = /* @__PURE__ */ new Set([
  "address",
  "ports",
  "labels",
  "network",
  "locality",
  "weight",
  "serviceAccount"
]);
var LOCATIONS = ["MESH_EXTERNAL", "MESH_INTERNAL"];
var RESOLUTIONS = ["NONE", "STATIC", "DNS", "DNS_ROUND_ROBIN"];
function narrowServiceEntry(ctx, object, base) {
  const spec = readMap(ctx, object, "spec", "spec");
  if (spec !== null) checkFields(ctx, spec, SPEC_FIELDS5, "spec", KIND5);
  const hosts = (spec && readStringList(ctx, spec, "hosts", "spec.hosts")) ?? [];
  if (hosts.length === 0) ctx.report("MG008", base.source, { field: "spec.hosts", kind: KIND5 });
  const exportTo = spec && readStringList(ctx, spec, "exportTo", "spec.exportTo");
  return {
    ...base,
    kind: KIND5,
    hosts,
    addresses: ((spec && readStringList(ctx, spec, "addresses", "spec.addresses")) ?? []).map(
      (a) => a.value
    ),
    ports: spec ? readPorts(ctx, spec) : [],
    location: (spec && readEnum(ctx, spec, "location", LOCATIONS)) ?? "MESH_EXTERNAL",
    resolution: (spec && readEnum(ctx, spec, "resolution", RESOLUTIONS)) ?? "NONE",
    workloadSelector: spec && readLabelsSelector(ctx, spec, "workloadSelector", "spec.workloadSelector", KIND5),
    endpoints: spec ? readEndpoints(ctx, spec) : [],
    exportTo: exportTo === null ? null : exportTo.map((e) => e.value)
  };
}
function readEnum(ctx, spec, key, allowed) {
  const value = readString(ctx, spec, key, `spec.${key}`);
  if (value === null) return null;
  if (allowed.includes(value.value)) return value.value;
  ctx.report("MG011", value.at, {
    field: `spec.${key}`,
    value: value.value,
    allowed: allowed.join(", ")
  });
  return null;
}
function readPorts(ctx, spec) {
  const ports = [];
  readMapItems(ctx, spec, "ports", "spec.ports", PORT_FIELDS, KIND5).forEach(({ item, path }) => {
    const number = readInteger(ctx, item, "number", `${path}.number`, 1, 65535);
    if (number === null) {
      ctx.report("MG008", item.pos, { field: `${path}.number`, kind: KIND5 });
      return;
    }
    ports.push({
      number,
      name: readString(ctx, item, "name", `${path}.name`)?.value ?? null,
      protocol: readString(ctx, item, "protocol", `${path}.protocol`)?.value ?? null,
      targetPort: readInteger(ctx, item, "targetPort", `${path}.targetPort`, 1, 65535),
      at: ctx.at(item.pos)
    });
  });
  return ports;
}
function readEndpoints(ctx, spec) {
  const endpoints2 = [];
  readMapItems(ctx, spec, "endpoints", "spec.endpoints", ENDPOINT_FIELDS, KIND5).forEach(
    ({ item, path }) => {
      const portsMap = readMap(ctx, item, "ports", `${path}.ports`);
      const ports = {};
      for (const pair of portsMap?.pairs ?? []) {
        const value = portsMap && readInteger(ctx, portsMap, pair.key, `${path}.ports.${pair.key}`, 1, 65535);
        if (value !== null && value !== void 0) ports[pair.key] = value;
      }
      endpoints2.push({
        address: readString(ctx, item, "address", `${path}.address`)?.value ?? null,
        labels: readLabels(ctx, item, "labels", `${path}.labels`),
        serviceAccount: readString(ctx, item, "serviceAccount", `${path}.serviceAccount`)?.value ?? null,
        ports,
        at: ctx.at(item.pos)
      });
    }
  );
  return endpoints2;
}

// src/analysis/load/narrow/sidecar.ts
var KIND6 = "Sidecar";
var SPEC_FIELDS6 = /* @__PURE__ */ new Set([
  "workloadSelector",
  "ingress",
  "egress",
  "outboundTrafficPolicy",
  "inboundConnectionPool"
]);
var EGRESS_FIELDS = /* @__PURE__ */ new Set(["port", "bind", "captureMode", "hosts"]);
var INGRESS_FIELDS = /* @__PURE__ */ new Set([
  "port",
  "bind",
  "captureMode",
  "defaultEndpoint",
  "tls",
  "connectionPool"
]);
var PORT_FIELDS2 = /* @__PURE__ */ new Set(["number", "protocol", "name", "targetPort"]);
var OUTBOUND_MODES = ["ALLOW_ANY", "REGISTRY_ONLY"];
function narrowSidecar(ctx, object, base) {
  const spec = readMap(ctx, object, "spec", "spec");
  if (spec !== null) checkFields(ctx, spec, SPEC_FIELDS6, "spec", KIND6);
  return {
    ...base,
    kind: KIND6,
    workloadSelector: spec && readLabelsSelector(ctx, spec, "workloadSelector", "spec.workloadSelector", KIND6),
    egress: spec ? readEgress(ctx, spec) : [],
    ingress: spec ? readIngress(ctx, spec) : [],
    outboundTrafficPolicy: spec ? readOutboundMode2(ctx, spec) : null
  };
}
function readEgress(ctx, spec) {
  const egress = [];
  readMapItems(ctx, spec, "egress", "spec.egress", EGRESS_FIELDS, KIND6).forEach(
    ({ item, path }) => {
      const hosts = readStringList(ctx, item, "hosts", `${path}.hosts`) ?? [];
      if (hosts.length === 0) ctx.report("MG008", item.pos, { field: `${path}.hosts`, kind: KIND6 });
      const port = readMap(ctx, item, "port", `${path}.port`);
      if (port !== null) checkFields(ctx, port, PORT_FIELDS2, `${path}.port`, KIND6);
      egress.push({
        at: ctx.at(item.pos),
        port: port && readInteger(ctx, port, "number", `${path}.port.number`, 1, 65535),
        hosts
      });
    }
  );
  return egress;
}
function readIngress(ctx, spec) {
  const ingress = [];
  readMapItems(ctx, spec, "ingress", "spec.ingress", INGRESS_FIELDS, KIND6).forEach(
    ({ item, path }) => {
      const port = readMap(ctx, item, "port", `${path}.port`);
      const number = port && readInteger(ctx, port, "number", `${path}.port.number`, 1, 65535);
      if (port === null || number === null) {
        ctx.report("MG008", item.pos, { field: `${path}.port.number`, kind: KIND6 });
        return;
      }
      checkFields(ctx, port, PORT_FIELDS2, `${path}.port`, KIND6);
      ingress.push({
        at: ctx.at(item.pos),
        port: number,
        protocol: readString(ctx, port, "protocol", `${path}.port.protocol`)?.value ?? null,
        portName: readString(ctx, port, "name", `${path}.port.name`)?.value ?? null
      });
    }
  );
  return ingress;
}
function readOutboundMode2(ctx, spec) {
  const policy = readMap(ctx, spec, "outboundTrafficPolicy", "spec.outboundTrafficPolicy");
  const mode = policy && readString(ctx, policy, "mode", "spec.outboundTrafficPolicy.mode");
  if (mode === null) return null;
  if (OUTBOUND_MODES.includes(mode.value))
    return mode.value;
  ctx.report("MG011", mode.at, {
    field: "spec.outboundTrafficPolicy.mode",
    value: mode.value,
    allowed: OUTBOUND_MODES.join(", ")
  });
  return null;
}

// src/analysis/load/load-document.ts
function narrowDocument(root, ctx, defaultNamespace, diagnostics) {
  const result = {
    objects: [],
    meshConfig: [],
    diagnostics,
    counts: { notKubernetes: 0, notModelled: 0, rejected: 0 }
  };
  if (root === null) return result;
  if (root.type !== "map") {
    result.counts.notKubernetes++;
    return result;
  }
  narrowObject(root, ctx, defaultNamespace, result, 0);
  return result;
}
function narrowObject(object, ctx, defaultNamespace, result, depth) {
  const apiVersion = scalarString(pairOf(object, "apiVersion")?.value ?? null);
  const kind = scalarString(pairOf(object, "kind")?.value ?? null);
  if (apiVersion === null || kind === null) {
    const notAnObject = kind === null && pairOf(object, "metadata") === void 0;
    if (apiVersion === null && kind === null) {
      readHelmValues(object, ctx, result);
      result.counts.notKubernetes++;
    } else if (notAnObject) {
      result.counts.notKubernetes++;
    } else {
      ctx.beginObject(void 0);
      ctx.report("MG008", object.pos, {
        field: apiVersion === null ? "apiVersion" : "kind",
        kind: kind ?? "object"
      });
      result.counts.rejected++;
    }
    return;
  }
  const classification = classify(apiVersion, kind);
  if (classification.type === "list") {
    narrowListItems(object, ctx, defaultNamespace, result, depth);
    return;
  }
  if (classification.type === "not-modelled") {
    result.counts.notModelled++;
    return;
  }
  ctx.beginObject(void 0);
  const meta = readMetadata(ctx, object);
  const clusterScoped = classification.type === "namespace";
  const namespace = clusterScoped ? "" : meta.namespace ?? defaultNamespace;
  const base = objectBase(ctx, object, apiVersion, kind, meta, namespace);
  ctx.beginObject(base.ref);
  if (classification.type === "obsolete") {
    ctx.report("MG006", base.source, { apiVersion, kind, replacement: classification.replacement });
    result.counts.notModelled++;
    return;
  }
  if (classification.type === "unknown-version") {
    ctx.report("MG007", base.source, { apiVersion, kind, known: classification.known });
    result.counts.rejected++;
    return;
  }
  if ((meta.name === null || meta.name.value === "") && classification.type !== "istio-operator") {
    ctx.report("MG008", base.source, { field: "metadata.name", kind });
    result.counts.rejected++;
    return;
  }
  const narrowed = narrowByClass(classification, object, ctx, base, meta, result);
  if (narrowed === null) return;
  if (ctx.rejected) {
    result.counts.rejected++;
    return;
  }
  result.objects.push(narrowed);
}
var MAX_LIST_DEPTH = 8;
function narrowListItems(list, ctx, defaultNamespace, result, depth) {
  ctx.beginObject(void 0);
  if (depth > MAX_LIST_DEPTH) {
    ctx.report("MG901", list.pos, {
      detail: `a \`List\` inside more than ${MAX_LIST_DEPTH} other Lists; its items were not read`
    });
    return;
  }
  for (const { item } of readMappings(ctx, list, "items", "items"))
    narrowObject(item, ctx, defaultNamespace, result, depth + 1);
}
function narrowByClass(classification, object, ctx, base, meta, result) {
  switch (classification.type) {
    case "namespace":
      return narrowNamespace(ctx, object, base);
    case "service":
      return narrowService(ctx, object, base);
    case "service-account":
      return narrowServiceAccount(base);
    case "workload":
      return narrowWorkload(ctx, object, base, classification.kind, meta);
    case "config-map":
      readIstioConfigMap(object, ctx, base.ref.name, result);
      return null;
    case "istio-operator":
      readIstioOperator(object, ctx, result);
      return null;
    case "istio":
      return narrowIstio(classification.kind, ctx, object, base);
    default:
      return null;
  }
}
function narrowIstio(kind, ctx, object, base) {
  switch (kind) {
    case "PeerAuthentication":
      return narrowPeerAuthentication(ctx, object, base);
    case "AuthorizationPolicy":
      return narrowAuthorizationPolicy(ctx, object, base);
    case "RequestAuthentication":
      return narrowRequestAuthentication(ctx, object, base);
    case "DestinationRule":
      return narrowDestinationRule(ctx, object, base);
    case "ServiceEntry":
      return narrowServiceEntry(ctx, object, base);
    case "Sidecar":
      return narrowSidecar(ctx, object, base);
  }
}
function readIstioConfigMap(object, ctx, name, result) {
  if (name !== "istio" && !name.startsWith("istio-")) return;
  const data = readMap(ctx, object, "data", "data");
  const meshPair = data ? pairOf(data, "mesh") : void 0;
  if (meshPair?.value?.type !== "scalar" || typeof meshPair.value.value !== "string") return;
  const inner = parseYamlDocument(meshPair.value.value);
  const valueLine = ctx.at(meshPair.value.pos).line;
  const lineOffset = meshPair.value.value.trimEnd().includes("\n") ? valueLine : valueLine - 1;
  const innerCtx = new NarrowContext(ctx.file, ctx.documentIndex, lineOffset, result.diagnostics);
  innerCtx.beginObject(ctx.ref);
  const firstError = inner.problems.find((p) => p.severity === "error");
  if (firstError !== void 0 || inner.root !== null && inner.root.type !== "map") {
    ctx.report("MG021", meshPair.value.pos, {
      detail: firstError?.message ?? "the `mesh` value is not a mapping"
    });
    return;
  }
  if (inner.root !== null)
    result.meshConfig.push(readMeshConfig(innerCtx, inner.root, "data.mesh"));
}
function readIstioOperator(object, ctx, result) {
  const spec = readMap(ctx, object, "spec", "spec");
  if (spec === null) return;
  const meshConfig = readMap(ctx, spec, "meshConfig", "spec.meshConfig");
  const fragment = meshConfig ? readMeshConfig(ctx, meshConfig, "spec.meshConfig") : {};
  const values = readMap(ctx, spec, "values", "spec.values");
  if (fragment.rootNamespace === void 0 && values !== null) {
    const istioNamespace = readIstioNamespace(ctx, values, "spec.values");
    if (istioNamespace !== null) fragment.rootNamespace = istioNamespace;
  }
  if (Object.keys(fragment).length > 0) result.meshConfig.push(fragment);
}
function readHelmValues(object, ctx, result) {
  const meshConfig = pairOf(object, "meshConfig")?.value;
  if (meshConfig?.type !== "map") return;
  ctx.beginObject(void 0);
  const fragment = readMeshConfig(ctx, meshConfig, "meshConfig");
  if (fragment.rootNamespace === void 0) {
    const istioNamespace = readIstioNamespace(ctx, object, "values");
    if (istioNamespace !== null) fragment.rootNamespace = istioNamespace;
  }
  result.meshConfig.push(fragment);
}
function loadDocumentText(text, ctx, defaultNamespace, diagnostics) {
  const parsed = parseYamlDocument(text);
  let syntaxReported = false;
  for (const problem of parsed.problems) {
    ctx.beginObject(void 0);
    if (problem.kind === "duplicate-key")
      ctx.report("MG002", problem.pos, { key: problem.message });
    else if (problem.kind === "alias-limit")
      ctx.report("MG003", problem.pos, { limit: MAX_ALIAS_EXPANSION });
    else if (problem.severity === "error" && !syntaxReported) {
      ctx.report("MG001", problem.pos, { detail: problem.message });
      syntaxReported = true;
    }
  }
  if (parsed.root === null && parsed.problems.some((p) => p.severity === "error" && p.kind !== "duplicate-key")) {
    return {
      objects: [],
      meshConfig: [],
      diagnostics,
      counts: { notKubernetes: 0, notModelled: 0, rejected: 1 }
    };
  }
  return narrowDocument(parsed.root, ctx, defaultNamespace, diagnostics);
}

// src/analysis/load/templates.ts
var ACTION_AT_VALUE = /^[ \t]*(?:-[ \t]+)?(?:[^\s#'"][^#'"]*?:[ \t]+)?\{\{-?[ \t]*[\w.$("-]/m;
var HELM_HINTS = /\{\{-?[^}]*(?:\.Values|\.Release|\.Chart|include\s+")/;
var BLOCK_SCALAR_HEADER = /(?:^|:|^[ \t]*-|^---)[ \t]+[|>][1-9+-]{0,2}[ \t]*(?:#.*)?$/;
function templateKind(path, text) {
  if (!text.includes("{{")) return null;
  if (/(^|\/)templates\//.test(path)) return "Helm";
  const structure = withoutBlockScalars(text);
  if (HELM_HINTS.test(structure)) return "Helm";
  return ACTION_AT_VALUE.test(structure) ? "Go" : null;
}
function withoutBlockScalars(text) {
  const kept = [];
  let blockIndent = -1;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const indent2 = /^ */.exec(line)?.[0].length ?? 0;
    if (blockIndent >= 0 && (line.trim() === "" || indent2 > blockIndent)) continue;
    blockIndent = BLOCK_SCALAR_HEADER.test(line) ? indent2 : -1;
    kept.push(line);
  }
  return kept.join("\n");
}

// src/analysis/load/load-mesh.ts
var MANIFEST = /\.(ya?ml|json)$/i;
function loadMesh(files, options = {}) {
  const defaultNamespace = options.defaultNamespace ?? "default";
  const diagnostics = [];
  const objects = [];
  const fragments = [];
  const stats = {
    files: 0,
    documents: 0,
    objects: 0,
    notManifests: 0,
    templates: 0,
    notKubernetes: 0,
    notModelled: 0,
    rejected: 0
  };
  const ordered = [...files].sort((a, b) => compareText(a.path, b.path));
  for (const file of ordered) {
    stats.files++;
    if (!MANIFEST.test(file.path)) {
      stats.notManifests++;
      continue;
    }
    const template = templateKind(file.path, file.text);
    if (template !== null) {
      stats.templates++;
      const ctx = new NarrowContext(file.path, 0, 0, diagnostics);
      ctx.report("MG004", { line: 1, column: 1 }, { tool: template === "Helm" ? "Helm" : "Go" });
      continue;
    }
    for (const chunk2 of chunksOf(file)) {
      stats.documents++;
      const result = loadChunk(file.path, chunk2, defaultNamespace, options.cache);
      diagnostics.push(...result.diagnostics);
      objects.push(...result.objects);
      fragments.push(...result.meshConfig);
      stats.notKubernetes += result.counts.notKubernetes;
      stats.notModelled += result.counts.notModelled;
      stats.rejected += result.counts.rejected;
    }
  }
  const unique = dropDuplicates(objects, diagnostics);
  const settings = resolveMeshSettings(fragments, options.meshSettings ?? {}, diagnostics);
  const mesh = buildMesh(unique, settings);
  stats.objects = unique.length;
  diagnostics.sort((a, b) => compareSources(a.at, b.at) || compareText(a.code, b.code));
  return { mesh, diagnostics, stats };
}
function loadChunk(file, chunk2, defaultNamespace, cache) {
  const place2 = {
    file,
    documentIndex: chunk2.index,
    lineOffset: chunk2.lineOffset,
    defaultNamespace
  };
  const cached = cache === void 0 ? void 0 : lookupDocument(cache, chunk2.text, place2);
  if (cached !== void 0) return cached;
  const sink = [];
  const result = loadDocumentText(
    chunk2.text,
    new NarrowContext(file, chunk2.index, chunk2.lineOffset, sink),
    defaultNamespace,
    sink
  );
  if (cache !== void 0) storeDocument(cache, chunk2.text, place2, result);
  return result;
}
function chunksOf(file) {
  if (/\.json$/i.test(file.path))
    return [{ index: 0, text: normalizeText(file.text), lineOffset: 0 }];
  return splitDocuments(file.text) ?? [{ index: 0, text: normalizeText(file.text), lineOffset: 0 }];
}

// src/analysis/load/limits.ts
var MAX_FILE_BYTES = 8 * 1024 * 1024;
var TOO_LARGE_REASON = `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`;

// src/analysis/diff/finding-policy.ts
var SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
function applyFindingPolicy(head, preexistingIds2, options) {
  const findings = [];
  const ignored = [];
  for (const raw of head) {
    const override = options.severities?.[raw.code];
    if (override === "off") continue;
    const overridden = override === void 0 ? raw : { ...raw, severity: override };
    const rules = (options.ignores ?? []).filter((r) => matches(r, overridden));
    const rule = rules.find((r) => !expired(r, options.today));
    const lapsed = rules.find((r) => expired(r, options.today));
    const finding3 = rule === void 0 && lapsed !== void 0 ? {
      ...overridden,
      message: `${overridden.message} (its ignore expired on ${lapsed.expires})`
    } : overridden;
    if (rule !== void 0) ignored.push({ finding: finding3, reason: rule.reason });
    else if (findingKeys(raw).some((key) => preexistingIds2.has(key)))
      ignored.push({ finding: finding3, reason: "already present before this change" });
    else findings.push(finding3);
  }
  return {
    findings: findings.sort(byImportance),
    ignored: ignored.sort((a, b) => byImportance(a.finding, b.finding))
  };
}
function findingKeys(finding3) {
  const object = finding3.ref === void 0 ? "" : formatRef(finding3.ref);
  return [finding3.id, `~${finding3.code}\0${object}\0${finding3.message}`];
}
function matches(rule, finding3) {
  if (rule.code !== finding3.code) return false;
  if (rule.id !== void 0 && rule.id !== finding3.id) return false;
  if (rule.object !== void 0 && (finding3.ref === void 0 || formatRef(finding3.ref) !== rule.object))
    return false;
  return true;
}
function expired(rule, today) {
  return rule.expires !== void 0 && today !== void 0 && rule.expires < today;
}
function byImportance(a, b) {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareSources(a.at, b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
function verdictOf(findings, failOn) {
  if (failOn === "never") return "pass";
  return findings.some(
    (f) => f.severity === "error" || failOn === "warning" && f.severity === "warning"
  ) ? "fail" : "pass";
}

// src/analysis/authz/ip.ts
function parseAddress(text) {
  const v4 = parseIpv4(text);
  if (v4 !== null) return { family: 4, value: v4 };
  const v6 = parseIpv6(text);
  return v6 === null ? null : { family: 6, value: v6 };
}
function parseCidr(text) {
  const slash = text.indexOf("/");
  const address = parseAddress(slash < 0 ? text : text.slice(0, slash));
  if (address === null) return null;
  const width = address.family === 4 ? 32 : 128;
  const bits = slash < 0 ? width : Number(text.slice(slash + 1));
  if (!Number.isInteger(bits) || bits < 0 || bits > width) return null;
  const hostBits = BigInt(width - bits);
  const first2 = address.value >> hostBits << hostBits;
  const last = first2 + (1n << hostBits) - 1n;
  const base = formatAddress({ family: address.family, value: first2 });
  return { family: address.family, first: first2, last, text: bits === width ? base : `${base}/${bits}` };
}
function cidrContains(range, address) {
  return range.family === address.family && address.value >= range.first && address.value <= range.last;
}
function ipWitnesses(ranges) {
  const points = /* @__PURE__ */ new Map();
  const add = (family, value) => {
    const max = family === 4 ? (1n << 32n) - 1n : (1n << 128n) - 1n;
    if (value <= max) points.set(`${family}:${value}`, { family, value });
  };
  add(4, 0n);
  add(6, 0n);
  for (const range of ranges) {
    add(range.family, range.first);
    add(range.family, range.last + 1n);
  }
  return [...points.values()].sort(
    (a, b) => a.family !== b.family ? a.family - b.family : a.value < b.value ? -1 : a.value > b.value ? 1 : 0
  );
}
function formatAddress(address) {
  if (address.family === 4) {
    const v = address.value;
    return [24n, 16n, 8n, 0n].map((shift) => String(v >> shift & 255n)).join(".");
  }
  const groups = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n)
    groups.push((address.value >> shift & 0xffffn).toString(16));
  return compressIpv6(groups);
}
function compressIpv6(groups) {
  let best = { start: -1, length: 0 };
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== "0") {
      i++;
      continue;
    }
    let j = i;
    while (groups[j] === "0") j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  if (best.start < 0) return groups.join(":");
  const head = groups.slice(0, best.start).join(":");
  const tail = groups.slice(best.start + best.length).join(":");
  return `${head}::${tail}`;
}
function parseIpv4(text) {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) return null;
  let value = 0n;
  for (const octet of text.split(".")) {
    const n = Number(octet);
    if (n > 255 || octet.length > 1 && octet.startsWith("0")) return null;
    value = value << 8n | BigInt(n);
  }
  return value;
}
function parseIpv6(text) {
  const zoneless = text.split("%")[0] ?? "";
  if (!/^[0-9a-fA-F:.]+$/.test(zoneless) || !zoneless.includes(":")) return null;
  const halves = zoneless.split("::");
  if (halves.length > 2) return null;
  const parse = (half) => {
    if (half === "") return [];
    const out = [];
    const parts = half.split(":");
    for (const [i, part] of parts.entries()) {
      if (part.includes(".") && i === parts.length - 1) {
        const v4 = parseIpv4(part);
        if (v4 === null) return null;
        out.push(v4 >> 16n, v4 & 0xffffn);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) out.push(BigInt(`0x${part}`));
      else return null;
    }
    return out;
  };
  const head = parse(halves[0] ?? "");
  const tail = halves.length === 2 ? parse(halves[1] ?? "") : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  let value = 0n;
  for (const group2 of [...head, ...Array(missing).fill(0n), ...tail])
    value = value << 16n | group2;
  return value;
}

// src/analysis/authz/strings.ts
function stringAtom(pattern, presence) {
  if (pattern === "*") return { kind: presence };
  if (pattern.startsWith("*")) return { kind: "suffix", value: pattern.slice(1) };
  if (pattern.endsWith("*")) return { kind: "prefix", value: pattern.slice(0, -1) };
  return { kind: "exact", value: pattern };
}
function isPathTemplate(value) {
  return value.includes("{*}") || value.includes("{**}");
}
function pathAtom(pattern) {
  return isPathTemplate(pattern) ? { kind: "template", value: pattern } : stringAtom(pattern, "nonEmpty");
}
function atomKey(atom) {
  return "value" in atom ? `${atom.kind}:${atom.value}` : atom.kind;
}
function formatStringAtom(atom) {
  switch (atom.kind) {
    case "exact":
    case "template":
      return atom.value;
    case "prefix":
      return `${atom.value}*`;
    case "suffix":
      return `*${atom.value}`;
    default:
      return "*";
  }
}
function testStringAtom(atom, value) {
  if (value === null) return false;
  switch (atom.kind) {
    case "exact":
      return value === atom.value;
    case "prefix":
      return value.startsWith(atom.value);
    case "suffix":
      return value.endsWith(atom.value);
    case "nonEmpty":
      return value !== "";
    case "present":
      return true;
    case "template":
      return templateRegex(atom.value).test(value);
  }
}
var PCHAR = /^[a-zA-Z0-9\-._~%!$&'()+,;:@=]$/;
var PCHAR_CLASS = "[a-zA-Z0-9\\-._~%!$&'()+,;:@=]";
var templateCache = /* @__PURE__ */ new Map();
function templateRegex(template) {
  let cached = templateCache.get(template);
  if (cached === void 0) {
    const body2 = templateTokens(template).map((token) => {
      if (token.type === "literal") return token.char.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
      if (token.type === "pchar") return PCHAR_CLASS;
      return token.type === "pcharLoop" ? `${PCHAR_CLASS}*` : `(?:${PCHAR_CLASS}|/)*`;
    }).join("");
    cached = new RegExp(`^${body2}$`);
    templateCache.set(template, cached);
  }
  return cached;
}
function templateTokens(template) {
  const tokens = [];
  for (let i = 0; i < template.length; ) {
    if (template.startsWith("{**}", i)) {
      tokens.push({ type: "anyLoop" });
      i += 4;
    } else if (template.startsWith("{*}", i)) {
      tokens.push({ type: "pchar" }, { type: "pcharLoop" });
      i += 3;
    } else {
      tokens.push({ type: "literal", char: template[i] ?? "" });
      i += 1;
    }
  }
  return tokens;
}
function isLoop(token) {
  return token?.type === "pcharLoop" || token?.type === "anyLoop";
}
function asciiLower(value) {
  return value.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

// src/analysis/authz/witnesses.ts
var STATE_LIMIT = 5e4;
function stringWitnesses(atoms, domain) {
  const alphabet = alphabetOf(atoms, domain);
  if (alphabet === null) return null;
  const machines = [domainMachine(domain), ...atoms.map(machineOf)];
  const found = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  let frontier = [
    { states: machines.map((m) => m.start), text: "" }
  ];
  const stateKey = (states, text) => `${text === "" ? "e" : "n"}${states.join(",")}`;
  seen.add(stateKey(frontier[0]?.states ?? [], ""));
  while (frontier.length > 0) {
    const next = [];
    for (const { states, text } of frontier) {
      record(machines, states, text, domain, found);
      for (const char of alphabet) {
        const stepped = states.map((s, i) => s < 0 ? s : machines[i]?.step(s, char) ?? -1);
        const key = stateKey(stepped, text + char);
        if (seen.has(key)) continue;
        seen.add(key);
        if (seen.size > STATE_LIMIT) return null;
        next.push({ states: stepped, text: text + char });
      }
    }
    frontier = next;
  }
  const witnesses = [...found.values()].sort();
  if (domain.absent) witnesses.unshift(null);
  return witnesses;
}
function record(machines, states, text, domain, found) {
  const inDomain = machines[0]?.accepts(states[0] ?? -1) === true;
  if (!inDomain || !domain.empty && text === "") return;
  let vector = text === "" ? "e" : "n";
  for (let i = 1; i < machines.length; i++)
    vector += machines[i]?.accepts(states[i] ?? -1) ? "1" : "0";
  if (!found.has(vector)) found.set(vector, text);
}
var PCHAR_CANDIDATES = "zqxjkvwy0123456789abcdefghilmnoprstu~!$&@=;:,+";
var OTHER_CANDIDATES = '"<>\\^`|#[]{} ';
function alphabetOf(atoms, domain) {
  const used = new Set(domain.startsWith);
  for (const atom of atoms) for (const c of literalChars(atom)) used.add(c);
  used.add("/");
  const fresh = [...PCHAR_CANDIDATES].find((c) => !used.has(c));
  const other = [...OTHER_CANDIDATES].find((c) => !used.has(c));
  if (fresh === void 0 || other === void 0) return null;
  const letters = [...used, fresh, other];
  return [...new Set(domain.lowercase ? letters.map(asciiLower) : letters)].sort();
}
function literalChars(atom) {
  if (atom.kind === "template")
    return templateTokens(atom.value).map((t) => t.type === "literal" ? t.char : "").join("");
  return "value" in atom ? atom.value : "";
}
function domainMachine(domain) {
  return domain.startsWith === "" ? { start: 0, step: () => 0, accepts: () => true } : prefixMachine(domain.startsWith);
}
function machineOf(atom) {
  switch (atom.kind) {
    case "exact":
      return exactMachine(atom.value);
    case "prefix":
      return prefixMachine(atom.value);
    case "suffix":
      return suffixMachine(atom.value);
    case "template":
      return templateMachine(atom.value);
    default:
      return { start: 0, step: () => 1, accepts: (s) => s === 1 || atom.kind === "present" };
  }
}
function exactMachine(value) {
  return {
    start: 0,
    step: (s, c) => s < value.length && value[s] === c ? s + 1 : -1,
    accepts: (s) => s === value.length
  };
}
function prefixMachine(value) {
  return {
    start: 0,
    step: (s, c) => s === value.length ? s : value[s] === c ? s + 1 : -1,
    accepts: (s) => s === value.length
  };
}
function suffixMachine(value) {
  const failure = [0];
  for (let i = 1, k = 0; i < value.length; i++) {
    while (k > 0 && value[i] !== value[k]) k = failure[k - 1] ?? 0;
    if (value[i] === value[k]) k++;
    failure[i] = k;
  }
  return {
    start: 0,
    step: (s, c) => {
      let k = s === value.length ? failure[s - 1] ?? 0 : s;
      while (k > 0 && value[k] !== c) k = failure[k - 1] ?? 0;
      return value[k] === c ? k + 1 : 0;
    },
    accepts: (s) => s === value.length
  };
}
function templateMachine(template) {
  const tokens = templateTokens(template);
  const ids = /* @__PURE__ */ new Map();
  const sets = [];
  const idOf = (positions) => {
    const key = positions.join(",");
    let id = ids.get(key);
    if (id === void 0) {
      id = sets.length;
      ids.set(key, id);
      sets.push(positions);
    }
    return id;
  };
  const close = (positions) => {
    const out = /* @__PURE__ */ new Set();
    for (const p of positions)
      for (let q = p; ; q++) {
        out.add(q);
        if (!isLoop(tokens[q])) break;
      }
    return [...out].sort((a, b) => a - b);
  };
  const start = idOf(close([0]));
  return {
    start,
    step: (s, c) => {
      const next = [];
      for (const p of sets[s] ?? []) {
        const token = tokens[p];
        if (token === void 0) continue;
        if (token.type === "literal") {
          if (token.char === c) next.push(p + 1);
        } else if (token.type === "pchar") {
          if (PCHAR.test(c)) next.push(p + 1);
        } else if (PCHAR.test(c) || token.type === "anyLoop" && c === "/") next.push(p);
      }
      return next.length === 0 ? -1 : idOf(close(next));
    },
    accepts: (s) => (sets[s] ?? []).includes(tokens.length)
  };
}

// src/analysis/authz/dimensions.ts
var TRUE = { op: "true" };
var FALSE = { op: "false" };
function atomExpr(atom) {
  return { op: "atom", atom };
}
function not(arg) {
  if (arg.op === "true") return FALSE;
  if (arg.op === "false") return TRUE;
  return arg.op === "not" ? arg.arg : { op: "not", arg };
}
function and(args) {
  const kept = args.filter((a) => a.op !== "true");
  if (kept.some((a) => a.op === "false")) return FALSE;
  if (kept.length === 0) return TRUE;
  return kept.length === 1 ? kept[0] ?? TRUE : { op: "and", args: kept };
}
function or(args) {
  const kept = args.filter((a) => a.op !== "false");
  if (kept.some((a) => a.op === "true")) return TRUE;
  if (kept.length === 0) return FALSE;
  return kept.length === 1 ? kept[0] ?? FALSE : { op: "or", args: kept };
}
function evaluate(expr, test) {
  switch (expr.op) {
    case "true":
      return true;
    case "false":
      return false;
    case "atom":
      return test(expr.atom);
    case "not":
      return !evaluate(expr.arg, test);
    case "and":
      return expr.args.every((a) => evaluate(a, test));
    case "or":
      return expr.args.some((a) => evaluate(a, test));
  }
}
function atomsOf(expr, out = []) {
  if (expr.op === "atom") out.push(expr.atom);
  else if (expr.op === "not") atomsOf(expr.arg, out);
  else if (expr.op === "and" || expr.op === "or") for (const a of expr.args) atomsOf(a, out);
  return out;
}
function keyOfAtom(atom) {
  switch (atom.kind) {
    case "traffic":
      return `traffic:${atom.value}`;
    case "string":
      return atomKey(atom.atom);
    case "cidr":
      return `cidr:${atom.range.text}`;
    case "jwt":
      return `${atom.component}=${atomKey(atom.atom)}`;
    case "requestPrincipal":
      return `principal=${atom.pattern}`;
    case "token":
      return "token";
  }
}
var STRING_DOMAINS = {
  method: { absent: false, empty: false, startsWith: "", lowercase: false },
  path: { absent: false, empty: false, startsWith: "/", lowercase: false },
  host: { absent: false, empty: false, startsWith: "", lowercase: true },
  header: { absent: true, empty: true, startsWith: "", lowercase: false },
  sni: { absent: true, empty: false, startsWith: "", lowercase: false }
};
var JWT_ISSUER = { absent: false, empty: false, startsWith: "", lowercase: false };
var JWT_OTHER = { absent: true, empty: true, startsWith: "", lowercase: false };
var JWT_PRODUCT_LIMIT = 4096;
var ORDER = [
  "traffic",
  "method",
  "path",
  "host",
  "header:",
  "jwt",
  "source.ip",
  "remote.ip",
  "destination.ip",
  "sni"
];
function compareDimensions(a, b) {
  const rank = (k) => ORDER.findIndex((p) => p.endsWith(":") ? k.startsWith(p) : k === p);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
function isIpDimension(dimension) {
  return dimension === "source.ip" || dimension === "remote.ip" || dimension === "destination.ip";
}
function stringDomain(dimension) {
  return STRING_DOMAINS[dimension.startsWith("header:") ? "header" : dimension] ?? STRING_DOMAINS.header;
}
function witnessesOf(dimension, atoms) {
  if (dimension === "traffic") return ["http", "tcp"];
  if (isIpDimension(dimension))
    return ipWitnesses(atoms.flatMap((a) => a.kind === "cidr" ? [a.range] : []));
  if (dimension === "jwt") return jwtWitnesses(atoms);
  const strings = atoms.flatMap((a) => a.kind === "string" ? [a.atom] : []);
  return stringWitnesses(strings, stringDomain(dimension));
}
function jwtWitnesses(atoms) {
  const byComponent = /* @__PURE__ */ new Map();
  const add = (component, atom) => {
    const list = byComponent.get(component) ?? [];
    list.push(atom);
    byComponent.set(component, list);
  };
  for (const atom of atoms) {
    if (atom.kind === "jwt") add(atom.component, atom.atom);
    if (atom.kind === "requestPrincipal") {
      add("iss", atom.iss);
      add("sub", atom.sub);
    }
  }
  let shapes = [{}];
  for (const component of [...byComponent.keys()].sort()) {
    const values = stringWitnesses(
      byComponent.get(component) ?? [],
      component === "iss" ? JWT_ISSUER : JWT_OTHER
    );
    if (values === null || shapes.length * values.length > JWT_PRODUCT_LIMIT) return null;
    shapes = shapes.flatMap((shape) => values.map((v) => ({ ...shape, [component]: v })));
  }
  return [null, ...shapes];
}
function testAtom(atom, value) {
  switch (atom.kind) {
    case "traffic":
      return value === atom.value;
    case "string":
      return typeof value === "string" || value === null ? testStringAtom(atom.atom, value) : false;
    case "cidr":
      return isAddress(value) && cidrContains(atom.range, value);
    case "token":
      return isToken(value);
    case "jwt":
      return isToken(value) && testStringAtom(atom.atom, value[atom.component] ?? null);
    case "requestPrincipal":
      return isToken(value) && testStringAtom(atom.iss, value.iss ?? null) && testStringAtom(atom.sub, value.sub ?? null);
  }
}
function isAddress(value) {
  return typeof value === "object" && value !== null && "family" in value;
}
function isToken(value) {
  return typeof value === "object" && value !== null && !("family" in value);
}
function formatAtom(atom) {
  switch (atom.kind) {
    case "traffic":
      return atom.value === "http" ? "HTTP" : "non-HTTP connections";
    case "string":
      return formatValue(atom.atom);
    case "cidr":
      return atom.range.text;
    case "token":
      return "present";
    case "jwt":
      return `${componentLabel(atom.component)} ${formatValue(atom.atom)}`;
    case "requestPrincipal":
      return `principal ${atom.pattern}`;
  }
}
function formatValue(atom) {
  return atom.kind === "present" || atom.kind === "nonEmpty" ? "present" : formatStringAtom(atom);
}
function componentLabel(component) {
  if (component.startsWith("claim:"))
    return `claim ${component.slice(6).split("\0").join(".")}`;
  return component;
}
function dimensionLabel(dimension) {
  if (dimension === "method" || dimension === "path" || dimension === "traffic") return null;
  if (dimension.startsWith("header:")) return `header ${dimension.slice(7)}`;
  return dimension === "jwt" ? "JWT" : dimension;
}

// src/analysis/authz/identity.ts
function identityAtomKey(atom) {
  switch (atom.kind) {
    case "serviceAccount":
      return `sa:${atom.namespace}/${atom.name}`;
    default:
      return `${atom.kind}:${atom.pattern}`;
  }
}
var SPIFFE = "spiffe://";
var regexCache = /* @__PURE__ */ new Map();
function peerUri(peer) {
  return SPIFFE + peer.principal;
}
function testIdentityAtom(atom, peer) {
  if (peer === null) return false;
  const uri = peerUri(peer);
  switch (atom.kind) {
    case "principal":
      return testPrincipalPattern(atom.pattern, uri);
    case "namespace":
      return regex(`.*/ns/${globToRegex(atom.pattern)}/.*`).test(uri);
    case "serviceAccount":
      return regex(
        `spiffe://.+/ns/${quote2(atom.namespace)}/(.+/|)sa/${quote2(atom.name)}(/.+)?`
      ).test(uri);
    case "trustDomain":
      return testTrustDomainPattern(atom.pattern, uri);
  }
}
function testPrincipalPattern(pattern, uri) {
  if (pattern === "*") return uri.length > 0;
  if (pattern.startsWith("*"))
    return regex(`${quote2(SPIFFE)}.*${quote2(pattern.slice(1))}`).test(uri);
  if (pattern.endsWith("*")) return uri.startsWith(SPIFFE + pattern.slice(0, -1));
  return uri === SPIFFE + pattern;
}
function testTrustDomainPattern(pattern, uri) {
  if (pattern === "*") return uri.startsWith(SPIFFE);
  const star = pattern.indexOf("*");
  if (star < 0) return uri.startsWith(`${SPIFFE}${pattern}/`);
  const head = quote2(pattern.slice(0, star));
  const tail = quote2(pattern.slice(star + 1));
  return regex(`spiffe://${head}[^/]*${tail}/.*`).test(uri);
}
function globToRegex(glob) {
  return glob.split("*").map(quote2).join(".*");
}
function quote2(text) {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
}
function regex(source) {
  let cached = regexCache.get(source);
  if (cached === void 0) {
    cached = new RegExp(`^(?:${source})$`, "s");
    if (regexCache.size > 1e4) regexCache.clear();
    regexCache.set(source, cached);
  }
  return cached;
}
var CLUSTER_LOCAL = "cluster.local";
function trustDomainBundle(settings) {
  return [settings.trustDomain.value, ...settings.trustDomainAliases.value];
}
function rewritePrincipal(principal, bundle) {
  const parts = principal.split("/");
  if (parts.length !== 5 || parts[0] === "*") return [principal];
  const domain = parts[0] ?? "";
  if (!bundle.some((entry) => loosely(domain, entry)) && domain !== CLUSTER_LOCAL)
    return [principal];
  const out = [];
  for (const entry of bundle) {
    const next = suffixPattern(entry, domain) ? principal : [entry, ...parts.slice(1)].join("/");
    if (!out.includes(next)) out.push(next);
  }
  return out;
}
function expandTrustDomain(value, bundle) {
  return bundle.includes(value) ? [...bundle] : [value];
}
function loosely(a, b) {
  return a === b || b === "*" || prefixPattern(a, b) || prefixPattern(b, a) || suffixPattern(a, b) || suffixPattern(b, a);
}
function prefixPattern(value, pattern) {
  return pattern.endsWith("*") && value.startsWith(pattern.slice(0, -1));
}
function suffixPattern(value, pattern) {
  return pattern.startsWith("*") && value.endsWith(pattern.slice(1));
}
function workloadPeer(settings, namespace, serviceAccount2) {
  const trustDomain = settings.trustDomain.value;
  return {
    principal: `${trustDomain}/ns/${namespace}/sa/${serviceAccount2}`,
    trustDomain,
    namespace,
    serviceAccount: serviceAccount2
  };
}
var OUTSIDE_NAMESPACE = "~other";
var OUTSIDE_SERVICE_ACCOUNT = "~other";
function outsidePeer(settings) {
  return workloadPeer(settings, OUTSIDE_NAMESPACE, OUTSIDE_SERVICE_ACCOUNT);
}
function policyPeer(settings, caller, peer) {
  if (peer === null) return null;
  return caller.kind === "any-mesh-identity" ? outsidePeer(settings) : peer;
}

// src/analysis/authz/compile-atoms.ts
function isHttpOnlyKey(key) {
  return key.startsWith("request.");
}
function serviceAccountAtom(value, policyNamespace) {
  const slash = value.indexOf("/");
  return slash < 0 ? { kind: "serviceAccount", namespace: policyNamespace, name: value } : { kind: "serviceAccount", namespace: value.slice(0, slash), name: value.slice(slash + 1) };
}
function fieldExpr(values, notValues, atom) {
  if (values === void 0 && notValues === void 0) return null;
  return valuesExpr(
    values?.values.map((v) => v.value) ?? [],
    notValues?.values.map((v) => v.value) ?? [],
    (v) => [atomExpr(atom(v))]
  );
}
function valuesExpr(values, notValues, atoms) {
  return and([
    values.length > 0 ? or(values.flatMap(atoms)) : TRUE,
    notValues.length > 0 ? not(or(notValues.flatMap(atoms))) : TRUE
  ]);
}
function addPredicate(cube, dimension, expr) {
  if (expr === null) return;
  const existing = cube.get(dimension);
  cube.set(dimension, existing ? and([existing, expr]) : expr);
}
function stringAtomOf(value, presence) {
  return { kind: "string", atom: stringAtom(value, presence) };
}
function hostAtom(value) {
  return stringAtomOf(asciiLower(value), "nonEmpty");
}
function cidrAtom(value) {
  const range = parseCidr(value);
  return range === null ? { kind: "string", atom: { kind: "exact", value: `\0${value}` } } : { kind: "cidr", range };
}
function requestPrincipalAtom(value) {
  const any = { kind: "nonEmpty" };
  const slash = value.lastIndexOf("/");
  const iss = slash >= 0 ? value.slice(0, slash) : value;
  const sub = slash >= 0 ? value.slice(slash + 1) : "";
  const atom = (issAtom, subAtom) => ({
    kind: "requestPrincipal",
    pattern: value,
    iss: issAtom,
    sub: subAtom
  });
  if (value === "*") return atom(any, any);
  if (value.startsWith("*")) {
    if (slash < 0) return atom(any, { kind: "suffix", value: value.slice(1) });
    return atom(iss === "*" ? any : { kind: "suffix", value: iss.slice(1) }, {
      kind: "exact",
      value: sub
    });
  }
  if (value.endsWith("*")) {
    if (slash < 0) return atom({ kind: "prefix", value: value.slice(0, -1) }, any);
    return atom(
      { kind: "exact", value: iss },
      sub === "*" ? any : { kind: "prefix", value: sub.slice(0, -1) }
    );
  }
  return atom({ kind: "exact", value: iss }, { kind: "exact", value: sub });
}

// src/analysis/authz/compile-condition.ts
function isListClaimKey(key) {
  return key === "request.auth.audiences" || key.startsWith("request.auth.claims");
}
function conditionClause(condition, context, approximated) {
  const key = condition.key.value;
  const clause = (identity2, dimension, expr) => ({
    identity: identity2,
    cube: dimension && expr ? /* @__PURE__ */ new Map([[dimension, expr]]) : /* @__PURE__ */ new Map(),
    at: condition.at
  });
  if (context.chain === "tcp" && isHttpOnlyKey(key)) return clause(TRUE);
  const values = condition.values?.map((v) => v.value) ?? [];
  const notValues = condition.notValues?.map((v) => v.value) ?? [];
  const identity = (atoms) => clause(valuesExpr(values, notValues, (v) => atoms(v).map((a) => atomExpr(a))));
  const request = (dimension, atom) => clause(
    TRUE,
    dimension,
    valuesExpr(values, notValues, (v) => [atomExpr(atom(v))])
  );
  switch (key) {
    case "source.ip":
    case "remote.ip":
    case "destination.ip":
      return request(key, cidrAtom);
    case "destination.port": {
      const port = String(context.port);
      const ok = (values.length === 0 || values.includes(port)) && !notValues.includes(port);
      return clause(ok ? TRUE : FALSE);
    }
    case "source.namespace":
      return identity((v) => [{ kind: "namespace", pattern: v }]);
    case "source.principal":
      return identity(
        (v) => rewritePrincipal(v, context.bundle).map((pattern) => ({ kind: "principal", pattern }))
      );
    case "source.serviceAccount":
      return identity((v) => [serviceAccountAtom(v, context.policyNamespace)]);
    case "source.trustDomain":
      return identity(
        (v) => expandTrustDomain(v, context.bundle).map((pattern) => ({ kind: "trustDomain", pattern }))
      );
    case "connection.sni":
      return request("sni", (v) => stringAtomOf(v, "nonEmpty"));
    case "request.auth.principal":
      return request("jwt", requestPrincipalAtom);
    case "request.auth.presenter":
      return request("jwt", (v) => ({
        kind: "jwt",
        component: "azp",
        atom: stringAtom(v, "nonEmpty")
      }));
  }
  if (key.startsWith("request.headers[")) {
    const name = asciiLower(key.slice("request.headers[".length, -1));
    return request(`header:${name}`, (v) => stringAtomOf(v, "present"));
  }
  if (isListClaimKey(key) && context.action === "ALLOW" && notValues.length === 0) {
    const component = key === "request.auth.audiences" ? "aud" : `claim:${claimPath(key).join("\0")}`;
    return request("jwt", (v) => ({ kind: "jwt", component, atom: stringAtom(v, "nonEmpty") }));
  }
  approximated.push({ at: condition.key.at, field: key });
  const failSafe = context.action === "ALLOW" ? FALSE : TRUE;
  return clause(context.substitute === "failSafe" ? failSafe : not(failSafe));
}
function claimPath(key) {
  const rest = key.slice("request.auth.claims".length);
  const nested = [...rest.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? "");
  return nested.join("").length + nested.length * 2 === rest.length ? nested : [rest.slice(1, -1)];
}

// src/analysis/authz/compile-rule.ts
var HTTP_SOURCE_FIELDS = /* @__PURE__ */ new Set(["requestPrincipals", "notRequestPrincipals"]);
var HTTP_OPERATION_FIELDS = /* @__PURE__ */ new Set([
  "hosts",
  "notHosts",
  "methods",
  "notMethods",
  "paths",
  "notPaths"
]);
function compileRule(rule, context) {
  const tcp = context.chain === "tcp";
  const httpFields = tcp ? httpOnlyNotes(rule) : [];
  if (tcp && context.action === "ALLOW" && httpFields.length > 0) {
    return {
      skipped: { reason: "http-only-on-tcp", fields: httpFields },
      from: null,
      to: null,
      when: [],
      droppedOnTcp: [],
      approximated: []
    };
  }
  const approximated = [];
  const from = rule.from && rule.from.map((source) => sourceClause(source, context));
  const to = rule.to && rule.to.map((operation) => operationClause(operation, context));
  const when = (rule.when ?? []).map(
    (condition) => conditionClause(condition, context, approximated)
  );
  return { skipped: null, from, to, when, droppedOnTcp: httpFields, approximated };
}
function httpOnlyNotes(rule) {
  const notes = [];
  for (const source of rule.from ?? [])
    for (const name of HTTP_SOURCE_FIELDS) {
      const field2 = source[name];
      if (field2) notes.push({ at: field2.at, field: name });
    }
  for (const operation of rule.to ?? [])
    for (const name of HTTP_OPERATION_FIELDS) {
      const field2 = operation[name];
      if (field2) notes.push({ at: field2.at, field: name });
    }
  for (const condition of rule.when ?? [])
    if (isHttpOnlyKey(condition.key.value))
      notes.push({ at: condition.key.at, field: condition.key.value });
  return notes;
}
function sourceClause(source, context) {
  const tcp = context.chain === "tcp";
  const identity = [
    identityField(
      source.principals,
      source.notPrincipals,
      (v) => rewritePrincipal(v, context.bundle).map((pattern) => ({ kind: "principal", pattern }))
    ),
    identityField(source.namespaces, source.notNamespaces, (v) => [
      { kind: "namespace", pattern: v }
    ]),
    identityField(source.serviceAccounts, source.notServiceAccounts, (v) => [
      serviceAccountAtom(v, context.policyNamespace)
    ]),
    identityField(
      source.trustDomains,
      source.notTrustDomains,
      (v) => expandTrustDomain(v, context.bundle).map((pattern) => ({ kind: "trustDomain", pattern }))
    )
  ];
  const cube = /* @__PURE__ */ new Map();
  if (!tcp)
    addPredicate(
      cube,
      "jwt",
      fieldExpr(source.requestPrincipals, source.notRequestPrincipals, requestPrincipalAtom)
    );
  addPredicate(cube, "source.ip", fieldExpr(source.ipBlocks, source.notIpBlocks, cidrAtom));
  addPredicate(
    cube,
    "remote.ip",
    fieldExpr(source.remoteIpBlocks, source.notRemoteIpBlocks, cidrAtom)
  );
  return { identity: and(identity), cube, at: source.at };
}
function identityField(values, notValues, atoms) {
  const expr = (field2) => or(field2.values.flatMap((v) => atoms(v.value).map((a) => atomExpr(a))));
  return and([values ? expr(values) : TRUE, notValues ? not(expr(notValues)) : TRUE]);
}
function operationClause(operation, context) {
  const portMatches = portCondition(operation.ports, operation.notPorts, context.port);
  const cube = /* @__PURE__ */ new Map();
  if (context.chain === "http") {
    addPredicate(cube, "host", fieldExpr(operation.hosts, operation.notHosts, hostAtom));
    addPredicate(
      cube,
      "method",
      fieldExpr(operation.methods, operation.notMethods, (v) => stringAtomOf(v, "nonEmpty"))
    );
    addPredicate(
      cube,
      "path",
      fieldExpr(operation.paths, operation.notPaths, (v) => ({
        kind: "string",
        atom: pathAtom(v)
      }))
    );
  }
  return { identity: portMatches ? TRUE : FALSE, cube, at: operation.at };
}
function portCondition(ports, notPorts, port) {
  const has = (field2) => field2.values.some((v) => Number(v.value) === port);
  return (ports === void 0 || has(ports)) && (notPorts === void 0 || !has(notPorts));
}

// src/analysis/authz/fallback.ts
var SAMPLE_LIMIT = 512;
function fallbackWitnesses(dimension, atoms) {
  if (dimension === "jwt") {
    const tokens = atoms.flatMap(
      (atom) => atom.kind === "jwt" ? fallbackWitnesses(atom.component, [{ kind: "string", atom: atom.atom }]).map((v) => ({
        iss: "\xA7",
        [atom.component]: typeof v === "string" ? v : null
      })) : []
    );
    return [null, ...tokens.slice(0, SAMPLE_LIMIT)];
  }
  const prefixes = /* @__PURE__ */ new Set([""]);
  const suffixes = /* @__PURE__ */ new Set([""]);
  const exact = /* @__PURE__ */ new Set();
  for (const atom of atoms) {
    if (atom.kind !== "string" && atom.kind !== "jwt") continue;
    const inner = atom.atom;
    if (inner.kind === "prefix") prefixes.add(inner.value);
    else if (inner.kind === "suffix") suffixes.add(inner.value);
    else if (inner.kind === "exact" || inner.kind === "template")
      exact.add(formatStringAtom(inner));
  }
  const fresh = "\xA7";
  const samples = new Set(exact);
  for (const p of prefixes)
    for (const s of suffixes) if (samples.size < SAMPLE_LIMIT) samples.add(p + fresh + s);
  const start = dimension === "path" ? "/" : "";
  const values = [...samples].map((s) => s.startsWith(start) ? s : start + s).sort();
  return dimension.startsWith("header:") || dimension === "sni" ? [null, ...values] : values;
}

// src/analysis/authz/request-set.ts
var dimensionCache = /* @__PURE__ */ new Map();
function spaceOf(atomsByDimension) {
  const dimensions = [...atomsByDimension.keys()].sort(compareDimensions).map((key) => dimensionSpace(key, atomsByDimension.get(key) ?? []));
  return { dimensions, exact: dimensions.every((d) => d.exact) };
}
function spaceOfCubes(cubes, extra) {
  const atoms = /* @__PURE__ */ new Map();
  for (const cube of cubes)
    for (const [key, expr] of cube) {
      const list = atoms.get(key) ?? [];
      atomsOf(expr, list);
      atoms.set(key, list);
    }
  if (extra)
    for (const d of extra.dimensions) atoms.set(d.key, [...atoms.get(d.key) ?? [], ...d.atoms]);
  return spaceOf(atoms);
}
function dimensionSpace(key, atoms) {
  const unique = [...new Map(atoms.map((a) => [keyOfAtom(a), a])).entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([, a]) => a);
  const cacheKey = `${key}${unique.map(keyOfAtom).join("")}`;
  const cached = dimensionCache.get(cacheKey);
  if (cached !== void 0) return cached;
  const found = witnessesOf(key, unique);
  const witnesses = found ?? fallbackWitnesses(key, unique);
  const atomBits = /* @__PURE__ */ new Map();
  for (const atom of unique) {
    let bits = 0n;
    witnesses.forEach((w, i) => {
      if (testAtom(atom, w)) bits |= 1n << BigInt(i);
    });
    atomBits.set(keyOfAtom(atom), bits);
  }
  const regionIndex = /* @__PURE__ */ new Map();
  witnesses.forEach((w, i) => {
    const vector = regionVector(unique, w);
    if (!regionIndex.has(vector)) regionIndex.set(vector, i);
  });
  const space = {
    key,
    atoms: unique,
    witnesses,
    full: (1n << BigInt(witnesses.length)) - 1n,
    atomBits,
    regionIndex,
    exact: found !== null
  };
  if (dimensionCache.size > 2e4) dimensionCache.clear();
  dimensionCache.set(cacheKey, space);
  return space;
}
function regionVector(atoms, value) {
  let vector = "";
  for (const atom of atoms) vector += testAtom(atom, value) ? "1" : "0";
  return vector;
}
function predicateBits(dimension, expr) {
  switch (expr.op) {
    case "true":
      return dimension.full;
    case "false":
      return 0n;
    case "atom":
      return dimension.atomBits.get(keyOfAtom(expr.atom)) ?? 0n;
    case "not":
      return dimension.full & ~predicateBits(dimension, expr.arg);
    case "and":
      return expr.args.reduce((bits, a) => bits & predicateBits(dimension, a), dimension.full);
    case "or":
      return expr.args.reduce((bits, a) => bits | predicateBits(dimension, a), 0n);
  }
}
function emptySet(space) {
  return { space, boxes: [] };
}
function fullSet(space) {
  return { space, boxes: [space.dimensions.map((d) => d.full)] };
}
function cubeSet(space, cube) {
  const box = space.dimensions.map((d) => {
    const expr = cube.get(d.key);
    return expr === void 0 ? d.full : predicateBits(d, expr);
  });
  return { space, boxes: box.some((b) => b === 0n) ? [] : [box] };
}
function boxContains(outer, inner) {
  return inner.every((bits, i) => (bits & ~(outer[i] ?? 0n)) === 0n);
}
function boxIntersect(a, b) {
  const out = [];
  for (let i = 0; i < a.length; i++) {
    const bits = (a[i] ?? 0n) & (b[i] ?? 0n);
    if (bits === 0n) return null;
    out.push(bits);
  }
  return out;
}
function boxSubtract(a, b) {
  if (boxIntersect(a, b) === null) return [a];
  const pieces = [];
  const current = [...a];
  for (let i = 0; i < a.length; i++) {
    const outside = (current[i] ?? 0n) & ~(b[i] ?? 0n);
    if (outside !== 0n) {
      const piece = [...current];
      piece[i] = outside;
      pieces.push(piece);
    }
    current[i] = (current[i] ?? 0n) & (b[i] ?? 0n);
  }
  return pieces;
}
function simplify(boxes) {
  const kept = [];
  boxes.forEach((box, i) => {
    const covered = boxes.some(
      (other, j) => j !== i && boxContains(other, box) && (!boxContains(box, other) || j < i)
    );
    if (!covered) kept.push(box);
  });
  return kept;
}
function sameSpaceUnion(a, b) {
  return { space: a.space, boxes: simplify([...a.boxes, ...b.boxes]) };
}
function sameSpaceIntersect(a, b) {
  const boxes = [];
  for (const x of a.boxes)
    for (const y of b.boxes) {
      const meet = boxIntersect(x, y);
      if (meet !== null) boxes.push(meet);
    }
  return { space: a.space, boxes: simplify(boxes) };
}
function sameSpaceSubtract(a, b) {
  let pieces = [...a.boxes];
  for (const y of b.boxes) {
    pieces = pieces.flatMap((x) => boxSubtract(x, y));
    if (pieces.length === 0) break;
  }
  return { space: a.space, boxes: simplify(pieces) };
}
function align(a, b) {
  if (a.space === b.space) return [a, b];
  const space = mergeSpaces(a.space, b.space);
  return [reproject(a, space), reproject(b, space)];
}
function mergeSpaces(a, b) {
  if (a === b) return a;
  const atoms = /* @__PURE__ */ new Map();
  for (const d of [...a.dimensions, ...b.dimensions])
    atoms.set(d.key, [...atoms.get(d.key) ?? [], ...d.atoms]);
  return spaceOf(atoms);
}
function reproject(set2, space) {
  if (set2.space === space) return set2;
  const maps = space.dimensions.map((target) => {
    const index = set2.space.dimensions.findIndex((d) => d.key === target.key);
    const source = set2.space.dimensions[index];
    if (source === void 0) return null;
    const mapping = target.witnesses.map(
      (w) => source.regionIndex.get(regionVector(source.atoms, w)) ?? -1
    );
    return { index, mapping };
  });
  const boxes = set2.boxes.map(
    (box) => space.dimensions.map((target, i) => {
      const map = maps[i];
      if (map === null || map === void 0) return target.full;
      const bits = box[map.index] ?? 0n;
      let out = 0n;
      map.mapping.forEach((old, j) => {
        if (old >= 0 && (bits >> BigInt(old) & 1n) === 1n) out |= 1n << BigInt(j);
      });
      return out;
    })
  );
  return { space, boxes: simplify(boxes.filter((b) => b.every((bits) => bits !== 0n))) };
}
function union(a, b) {
  const [x, y] = align(a, b);
  return sameSpaceUnion(x, y);
}
function intersect(a, b) {
  const [x, y] = align(a, b);
  return sameSpaceIntersect(x, y);
}
function subtract(a, b) {
  const [x, y] = align(a, b);
  return sameSpaceSubtract(x, y);
}
function isEmpty(set2) {
  return set2.boxes.length === 0;
}
function isSubset(a, b) {
  return isEmpty(subtract(a, b));
}
function unconstrained(set2, key) {
  const index = set2.space.dimensions.findIndex((d) => d.key === key);
  const dimension = set2.space.dimensions[index];
  if (dimension === void 0) return set2;
  const boxes = set2.boxes.map((box) => box.map((bits, i) => i === index ? dimension.full : bits));
  return { space: set2.space, boxes: simplify(boxes) };
}
function relation(a, b) {
  const [x, y] = align(a, b);
  const lost = !isEmpty(sameSpaceSubtract(x, y));
  const gained = !isEmpty(sameSpaceSubtract(y, x));
  if (!lost && !gained) return "equal";
  if (!lost) return "wider";
  return gained ? "different" : "narrower";
}

// src/analysis/authz/compile.ts
function compilePort(scope, port, chain, options) {
  const kinds = chain === "auto" ? ["http", "tcp"] : chain === "none" ? [] : [chain];
  return { port, chain, chains: kinds.map((kind) => compileChain(scope, port, kind, options)) };
}
function compileChain(scope, port, chain, options) {
  const bundle = trustDomainBundle(options.settings);
  const policies = scope.enforced;
  const bodies = policies.map(
    (policy) => (policy.rules ?? []).map((rule, index) => {
      const context = {
        action: policy.action,
        chain,
        port,
        bundle,
        policyNamespace: policy.ref.namespace,
        substitute: "failSafe"
      };
      const body2 = compileRule(rule, context);
      const opposite = body2.approximated.length > 0 ? compileRule(rule, { ...context, substitute: "opposite" }) : null;
      return { policy, index, body: body2, opposite };
    })
  );
  const universeCube = universeOf(chain, options.requestAuthentication);
  const cubes = [universeCube];
  for (const rules of bodies)
    for (const { body: body2, opposite } of rules)
      for (const b of opposite ? [body2, opposite] : [body2])
        cubes.push(...clausesOf(b).map((c) => c.cube));
  const space = spaceOfCubes(cubes);
  const identityAtoms = /* @__PURE__ */ new Map();
  const compiled = policies.map((policy, p) => ({
    policy,
    action: policy.action,
    rules: (bodies[p] ?? []).map(({ index, body: body2, opposite }) => {
      for (const clause of clausesOf(body2))
        for (const atom of atomsOf(clause.identity)) identityAtoms.set(identityAtomKey(atom), atom);
      const ref = {
        policy: policy.ref,
        action: policy.action,
        rule: index,
        at: policy.rules?.[index]?.at ?? policy.source
      };
      const rule = bind(space, ref, body2);
      return { ...rule, opposite: opposite ? bind(space, ref, opposite) : null };
    })
  }));
  const byAction = (action) => compiled.filter((c) => c.action === action);
  return {
    chain,
    port,
    space,
    universe: cubeSet(space, universeCube),
    validatesTokens: chain === "http" && options.requestAuthentication,
    custom: customVerdicts(byAction("CUSTOM"), options.settings),
    deny: byAction("DENY"),
    allow: byAction("ALLOW"),
    audit: byAction("AUDIT"),
    dryRun: scope.dryRun,
    identityAtoms
  };
}
function openSet(chain) {
  const kinds = chain === "http" ? ["http"] : chain === "tcp" ? ["tcp"] : ["http", "tcp"];
  const cube = /* @__PURE__ */ new Map([
    ["traffic", or(kinds.map((value) => atomExpr({ kind: "traffic", value })))]
  ]);
  return cubeSet(spaceOfCubes([cube]), cube);
}
function universeOf(chain, requestAuthentication) {
  const cube = /* @__PURE__ */ new Map([["traffic", atomExpr({ kind: "traffic", value: chain })]]);
  if (chain === "http" && !requestAuthentication) cube.set("jwt", not(atomExpr({ kind: "token" })));
  return cube;
}
function clausesOf(body2) {
  return [...body2.from ?? [], ...body2.to ?? [], ...body2.when];
}
function bind(space, ref, body2) {
  const clause = (c) => ({
    identity: c.identity,
    set: cubeSet(space, c.cube)
  });
  return {
    ref,
    body: body2,
    from: body2.from && body2.from.map(clause),
    to: body2.to && body2.to.map(clause),
    when: body2.when.map(clause)
  };
}
function customVerdicts(policies, settings) {
  const providers = new Set(policies.map((p) => p.policy.provider?.value ?? ""));
  const known = settings.extensionProviders.origin !== "default";
  return policies.map((policy) => {
    const name = policy.policy.provider?.value ?? "";
    let verdict2 = "external";
    if (providers.size > 1) verdict2 = "multiple-providers";
    else if (known && !settings.extensionProviders.value.includes(name))
      verdict2 = "unknown-provider";
    return { ...policy, verdict: verdict2 };
  });
}

// src/analysis/authz/describe.ts
var ALL_REQUESTS = "all requests";
function describe2(set2, universe) {
  if (set2.boxes.length === 0) return [];
  const [s, u] = align(set2, universe ?? fullSet(set2.space));
  const diagram = build(s.boxes, 0, s.space.dimensions.length);
  const lines = render(diagram, s.space.dimensions, u.boxes, 0, emptyLine());
  const unique = [...new Set(lines)];
  return unique.length === 1 && unique[0] === "any request" ? [ALL_REQUESTS] : unique;
}
function describeChange(base, head) {
  return {
    newlyAllowed: describe2(subtract(head.allowed, base.allowed), head.universe),
    newlyDenied: describe2(subtract(base.allowed, head.allowed), base.universe)
  };
}
function build(boxes, level, depth) {
  if (boxes.length === 0) return [];
  if (level === depth) return null;
  let union2 = 0n;
  for (const box of boxes) union2 |= box[level] ?? 0n;
  const groups = /* @__PURE__ */ new Map();
  for (let i = 0n; union2 >> i !== 0n; i++) {
    if ((union2 >> i & 1n) === 0n) continue;
    const rest = boxes.filter((b) => ((b[level] ?? 0n) >> i & 1n) === 1n);
    const child = build(rest, level + 1, depth);
    const key = keyOf(child);
    const group2 = groups.get(key);
    if (group2) group2.bits |= 1n << i;
    else groups.set(key, { bits: 1n << i, child });
  }
  return [...groups.values()].sort((a, b) => a.bits < b.bits ? -1 : a.bits > b.bits ? 1 : 0);
}
var keys = /* @__PURE__ */ new WeakMap();
function keyOf(node) {
  if (node === null) return "*";
  let key = keys.get(node);
  if (key === void 0) {
    key = `[${node.map((g) => `${g.bits.toString(36)}:${keyOf(g.child)}`).join(",")}]`;
    keys.set(node, key);
  }
  return key;
}
function emptyLine() {
  return { traffic: null, method: null, path: null, host: null, conditions: [] };
}
function render(node, dimensions, context, level, line) {
  if (node === null || level >= dimensions.length) return [formatLine(line)];
  const dimension = dimensions[level];
  if (dimension === void 0) return [formatLine(line)];
  let within = 0n;
  for (const box of context) within |= box[level] ?? 0n;
  if (within === 0n) within = dimension.full;
  return node.flatMap((group2) => {
    const bits = group2.bits & within;
    const terms = express(dimension, bits, within);
    const narrowed = context.filter((box) => ((box[level] ?? 0n) & bits) !== 0n);
    const variants = placeTerms(dimension, terms, line);
    return variants.flatMap((next) => render(group2.child, dimensions, narrowed, level + 1, next));
  });
}
function placeTerms(dimension, terms, line) {
  if (terms.length === 1 && terms[0]?.atom === null && terms[0].except.length === 0) return [line];
  const key = dimension.key;
  if (key === "traffic") {
    const text2 = terms.map((t) => formatTerm(t, "traffic")).join(", ");
    return [text2 === "HTTP" ? { ...line, http: true } : { ...line, traffic: text2 }];
  }
  if (key === "path") return terms.map((t) => ({ ...line, path: formatTerm(t, "path") }));
  const text = terms.map((t) => formatTerm(t, key)).join(", ");
  if (key === "method") return [{ ...line, method: text }];
  if (key === "host") return [{ ...line, host: `host ${text}` }];
  const label = dimensionLabel(key) ?? key;
  return [{ ...line, conditions: [...line.conditions, `${label} ${text}`] }];
}
function formatLine(line) {
  const parts = [line.method, line.path, line.host].filter((p) => p !== null);
  const head = parts.map((p, i) => i < parts.length - 1 && p.includes(" except ") ? `(${p})` : p);
  const any = line.http === true ? "any HTTP request" : "any request";
  const text = line.traffic ?? (head.length === 0 ? any : head.join(" "));
  return line.conditions.length === 0 ? text : `${text} (${line.conditions.join("; ")})`;
}
var MAX_DEPTH2 = 4;
function express(dimension, bits, context, depth = 0) {
  if (bits === 0n) return [];
  if (bits === context) return [{ atom: null, except: [] }];
  const candidates2 = dimension.atoms.map((atom) => ({ atom, bits: (dimension.atomBits.get(keyOfAtom(atom)) ?? 0n) & context })).filter((c) => c.bits !== 0n && c.bits !== context);
  const inside = maximal(candidates2.filter((c) => (c.bits & ~bits) === 0n));
  let rest = bits;
  for (const c of inside) rest &= ~c.bits;
  const terms = inside.map((c) => ({ atom: c.atom, except: [] }));
  if (rest === 0n) return terms;
  const cover = candidates2.filter((c) => (rest & ~c.bits) === 0n).sort(bySize)[0];
  if (cover !== void 0 && depth < MAX_DEPTH2) {
    terms.push({
      atom: cover.atom,
      except: express(dimension, cover.bits & ~rest, cover.bits, depth + 1)
    });
    return sortTerms(terms);
  }
  const overlapping = maximal(
    candidates2.filter((c) => (c.bits & rest) !== 0n && (c.bits & ~bits) !== 0n)
  );
  const chosen = [];
  let uncovered = rest;
  for (const c of [...overlapping].sort(
    (a, b) => popcount(b.bits & rest) - popcount(a.bits & rest)
  )) {
    if ((c.bits & uncovered) === 0n) continue;
    chosen.push(c);
    uncovered &= ~c.bits;
  }
  if (uncovered === 0n && depth < MAX_DEPTH2) {
    for (const c of chosen)
      terms.push({ atom: c.atom, except: express(dimension, c.bits & ~rest, c.bits, depth + 1) });
    return sortTerms(terms);
  }
  if (depth >= MAX_DEPTH2) return regionTerms(dimension, bits, context);
  return [{ atom: null, except: express(dimension, context & ~bits, context, depth + 1) }];
}
function regionTerms(dimension, bits, context) {
  const atoms = dimension.atoms.map((atom) => ({ atom, bits: (dimension.atomBits.get(keyOfAtom(atom)) ?? 0n) & context })).filter((a) => a.bits !== 0n);
  const out = [];
  for (let i = 0n; bits >> i !== 0n; i++) {
    const bit = 1n << i;
    if ((bits & bit) === 0n) continue;
    const inside = atoms.filter((a) => (a.bits & bit) !== 0n);
    const outside = atoms.filter((a) => (a.bits & bit) === 0n);
    const smallest = [...inside].sort(bySize)[0];
    if (smallest === void 0) {
      out.push({ atom: null, except: outside.map((a) => ({ atom: a.atom, except: [] })) });
      continue;
    }
    const except = [
      ...outside.filter((a) => (a.bits & smallest.bits) !== 0n).map((a) => ({ atom: a.atom, except: [] })),
      ...inside.filter((a) => (smallest.bits & ~a.bits) !== 0n).map((a) => ({ atom: smallest.atom, except: [{ atom: a.atom, except: [] }] }))
    ];
    out.push({ atom: smallest.atom, except });
  }
  return out.length > 0 ? out : [{ atom: null, except: [] }];
}
function bySize(a, b) {
  return popcount(a.bits) - popcount(b.bits) || compareText2(keyOfAtom(a.atom), keyOfAtom(b.atom));
}
function maximal(items) {
  const sorted = [...items].sort((a, b) => compareText2(keyOfAtom(a.atom), keyOfAtom(b.atom)));
  return sorted.filter(
    (item, i) => sorted.every((other, j) => {
      if (i === j || (item.bits & ~other.bits) !== 0n) return true;
      return other.bits !== item.bits ? false : i < j;
    })
  );
}
function sortTerms(terms) {
  return terms.sort((a, b) => compareText2(termText(a), termText(b)));
}
function termText(term) {
  return term.atom === null ? "" : keyOfAtom(term.atom);
}
function formatTerm(term, dimension) {
  const head = term.atom === null ? anyOf(dimension) : formatAtom(term.atom);
  if (term.except.length === 0) return head;
  if (term.atom === null && optional(dimension) && isPresenceOnly(term.except)) return "absent";
  const inner = term.except.map((t) => {
    const text = formatTerm(t, dimension);
    return t.except.length > 0 ? `(${text})` : text;
  });
  return `${head} except ${inner.join(", ")}`;
}
function isPresenceOnly(terms) {
  return terms.length === 1 && terms[0]?.except.length === 0 && formatAtom(terms[0].atom ?? { kind: "token" }) === "present";
}
function optional(dimension) {
  return dimension.startsWith("header:") || dimension === "jwt" || dimension === "sni";
}
function anyOf(dimension) {
  if (dimension === "method" || dimension === "path" || dimension === "host")
    return `any ${dimension}`;
  return "any";
}
function popcount(bits) {
  let count = 0;
  for (let b = bits; b !== 0n; b &= b - 1n) count++;
  return count;
}
function compareText2(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/analysis/authz/decide.ts
function identityTest(peer) {
  const cache = /* @__PURE__ */ new Map();
  return (atom) => {
    const key = identityAtomKey(atom);
    let value = cache.get(key);
    if (value === void 0) {
      value = testIdentityAtom(atom, peer);
      cache.set(key, value);
    }
    return value;
  };
}
function decidePort(port, test) {
  const chains = port.chains.map((chain) => decideChain(chain, test));
  if (chains.length === 0) return { result: unenforced(port.chain), chains };
  let allowed = null;
  let universe = null;
  for (const c of chains) {
    allowed = allowed ? union(allowed, c.allowed) : c.allowed;
    universe = universe ? union(universe, c.chain.universe) : c.chain.universe;
  }
  const ignoresTokens = (set2) => chains.some((c) => c.chain.chain === "http" && !c.chain.validatesTokens) ? unconstrained(set2, "jwt") : set2;
  const all = ignoresTokens(allowed ?? emptySet(chains[0].chain.space));
  const within = ignoresTokens(universe ?? all);
  const access = isEmpty(all) ? "deny" : isSubset(within, all) ? "allow" : "partial";
  return {
    chains,
    result: {
      access,
      requests: access === "allow" ? [ALL_REQUESTS] : access === "deny" ? [] : describe2(all, within),
      exact: chains.every((c) => c.exact),
      determining: determining(chains, access),
      allowed: all,
      universe: within,
      notEvaluated: null
    }
  };
}
function unenforced(chain) {
  const all = openSet(chain);
  return {
    access: "allow",
    requests: [ALL_REQUESTS],
    exact: true,
    determining: [],
    allowed: all,
    universe: all,
    notEvaluated: null
  };
}
function decideChain(chain, test) {
  const universe = chain.universe;
  let exact = chain.space.exact;
  const matches2 = (policies) => policies.flatMap(
    (policy) => policy.rules.flatMap((rule) => {
      const set2 = intersect(ruleSet(rule, test, universe), universe);
      if (rule.opposite !== null) {
        const other = intersect(ruleSet(rule.opposite, test, universe), universe);
        if (!isSubset(set2, other) || !isSubset(other, set2)) exact = false;
      }
      return isEmpty(set2) ? [] : [{ ref: rule.ref, set: set2 }];
    })
  );
  const custom = matches2(chain.custom);
  const deny = matches2(chain.deny);
  const allow = matches2(chain.allow);
  const audit = matches2(chain.audit);
  const denied = unionAll(
    [...custom, ...deny].map((m) => m.set),
    universe
  );
  const permitted = chain.allow.length > 0 ? unionAll(
    allow.map((m) => m.set),
    universe
  ) : universe;
  const allowed = subtract(permitted, denied);
  const external = chain.custom.filter((p) => p.verdict === "external").map((p) => p.policy.ref);
  const undecided = custom.filter(
    (m) => external.some((r) => r.namespace === m.ref.policy.namespace && r.name === m.ref.policy.name)
  );
  if (undecided.some(
    (m) => !isEmpty(
      subtract(
        intersect(m.set, permitted),
        deny.length > 0 ? unionAll(
          deny.map((d) => d.set),
          universe
        ) : emptySet(universe.space)
      )
    )
  ))
    exact = false;
  return { chain, allowed, custom, deny, allow, audit, exact };
}
function ruleSet(rule, test, universe) {
  if (rule.body.skipped !== null) return emptySet(universe.space);
  const anyOf2 = (clauses) => clauses === null ? fullSet(universe.space) : unionAll(
    clauses.filter((c) => evaluate(c.identity, test)).map((c) => c.set),
    universe
  );
  let set2 = intersect(anyOf2(rule.from), anyOf2(rule.to));
  for (const clause of rule.when) {
    if (isEmpty(set2)) break;
    set2 = evaluate(clause.identity, test) ? intersect(set2, clause.set) : emptySet(universe.space);
  }
  return set2;
}
function unionAll(sets, like) {
  return sets.reduce((acc, s) => union(acc, s), emptySet(like.space));
}
function determining(chains, access) {
  const refs = [];
  for (const c of chains) {
    refs.push(...c.custom.map((m) => m.ref), ...c.deny.map((m) => m.ref));
    const denied = unionAll(
      [...c.custom, ...c.deny].map((m) => m.set),
      c.chain.universe
    );
    refs.push(...c.allow.filter((m) => !isSubset(m.set, denied)).map((m) => m.ref));
    if (access === "deny" && c.allow.length === 0)
      refs.push(
        ...c.chain.allow.map((p) => ({
          policy: p.policy.ref,
          action: "ALLOW",
          rule: null,
          at: p.policy.source
        }))
      );
  }
  return sortRefs(refs);
}
function sortRefs(refs) {
  const unique = new Map(
    refs.map((r) => [`${r.policy.namespace}/${r.policy.name}#${r.rule ?? -1}`, r])
  );
  return [...unique.values()].sort(
    (a, b) => compare(a.policy.namespace, b.policy.namespace) || compare(a.policy.name, b.policy.name) || (a.rule ?? -1) - (b.rule ?? -1)
  );
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/analysis/topology/protocol.ts
var BY_NAME = {
  tcp: "tcp",
  udp: "udp",
  grpc: "grpc",
  "grpc-web": "grpc-web",
  http: "http",
  http_proxy: "http-proxy",
  http2: "http2",
  https: "https",
  tls: "tls",
  mongo: "mongo",
  redis: "redis",
  mysql: "mysql"
};
var WELL_KNOWN_TCP = /* @__PURE__ */ new Set([25, 53, 3306, 27017]);
function servicePortProtocol(port) {
  if (port.protocol === "UDP") return "udp";
  let name = port.name ?? "";
  if (port.appProtocol !== null) {
    name = port.appProtocol;
    if (name === "kubernetes.io/h2c") return "http2";
    if (name === "kubernetes.io/ws") return "http";
    if (name === "kubernetes.io/wss") return "https";
  }
  if (name.toLowerCase().startsWith("grpc-web")) return "grpc-web";
  const dash = name.indexOf("-");
  const prefix = (dash >= 0 ? name.slice(0, dash) : name).toLowerCase();
  const parsed = BY_NAME[prefix];
  if (parsed !== void 0) return parsed;
  return WELL_KNOWN_TCP.has(port.port) ? "tcp" : "auto";
}
function chainOf(protocol) {
  switch (protocol) {
    case "http":
    case "http2":
    case "grpc":
    case "grpc-web":
    case "http-proxy":
      return "http";
    case "udp":
      return "none";
    case "auto":
      return "auto";
    default:
      return "tcp";
  }
}

// src/analysis/topology/topology.ts
var CLUSTER_DOMAIN = "cluster.local";
function serviceHost(service) {
  return `${service.ref.name}.${service.ref.namespace}.svc.${CLUSTER_DOMAIN}`;
}
function selects(selector, labels) {
  for (const key in selector) if (labels[key] !== selector[key]) return false;
  return true;
}
function resolveTargetPort(port, workload) {
  if (typeof port.targetPort === "number") return port.targetPort;
  const named = workload.containerPorts.find((p) => p.name === port.targetPort);
  return named?.containerPort ?? null;
}
function buildTopology(mesh) {
  const ids = workloadIds(mesh.workloads);
  const byNamespace2 = /* @__PURE__ */ new Map();
  for (const w of mesh.workloads) {
    const list = byNamespace2.get(w.ref.namespace);
    if (list) list.push(w);
    else byNamespace2.set(w.ref.namespace, [w]);
  }
  const selectedBy = /* @__PURE__ */ new Map();
  for (const service of mesh.services) {
    const selector = service.selector;
    const candidates2 = byNamespace2.get(service.ref.namespace) ?? [];
    const selected3 = selector === null || Object.keys(selector).length === 0 ? [] : candidates2.filter((w) => selects(selector, w.podLabels));
    selectedBy.set(service, selected3);
  }
  const exposures = /* @__PURE__ */ new Map();
  for (const service of mesh.services) {
    for (const workload of selectedBy.get(service) ?? []) {
      for (const port of service.ports) {
        const target = resolveTargetPort(port, workload);
        if (target === null) continue;
        const byPort = exposures.get(workload) ?? /* @__PURE__ */ new Map();
        exposures.set(workload, byPort);
        const list = byPort.get(target) ?? [];
        list.push({
          service: service.ref,
          servicePort: port.port,
          portName: port.name,
          protocol: servicePortProtocol(port),
          at: port.at
        });
        byPort.set(target, list);
      }
    }
  }
  const nodes = mesh.workloads.map((workload) => ({
    id: ids.get(workload) ?? "",
    workload,
    namespace: workload.ref.namespace,
    name: workload.ref.name,
    ports: workloadPorts(workload, exposures.get(workload) ?? /* @__PURE__ */ new Map())
  })).sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const nodeOf = new Map(nodes.map((n) => [n.workload, n]));
  const nodesByNamespace = /* @__PURE__ */ new Map();
  for (const node of nodes) {
    const list = nodesByNamespace.get(node.namespace);
    if (list) list.push(node);
    else nodesByNamespace.set(node.namespace, [node]);
  }
  const namespaceObjects = new Map(mesh.namespaces.map((n) => [n.ref.name, n]));
  return {
    mesh,
    workloads: nodes,
    workloadById: new Map(nodes.map((n) => [n.id, n])),
    namespaces: allNamespaces(mesh),
    workloadsIn: (namespace) => nodesByNamespace.get(namespace) ?? [],
    namespaceObjects,
    serviceByHost: new Map(mesh.services.map((s) => [serviceHost(s), s])),
    endpoints(service, port) {
      return (selectedBy.get(service) ?? []).flatMap((workload) => {
        const target = resolveTargetPort(port, workload);
        const node = nodeOf.get(workload);
        return target === null || node === void 0 ? [] : [{ workload: node, targetPort: target }];
      });
    },
    selectedWorkloads(service) {
      return (selectedBy.get(service) ?? []).flatMap((w) => nodeOf.get(w) ?? []);
    }
  };
}
function workloadIds(workloads) {
  const count = /* @__PURE__ */ new Map();
  for (const w of workloads)
    count.set(
      `${w.ref.namespace}/${w.ref.name}`,
      (count.get(`${w.ref.namespace}/${w.ref.name}`) ?? 0) + 1
    );
  return new Map(
    workloads.map((w) => {
      const base = `${w.ref.namespace}/${w.ref.name}`;
      return [w, (count.get(base) ?? 0) > 1 ? `${base}@${w.kind.toLowerCase()}` : base];
    })
  );
}
function workloadPorts(workload, exposed) {
  const numbers = new Set(exposed.keys());
  for (const p of workload.containerPorts) if (p.protocol !== "UDP") numbers.add(p.containerPort);
  const ports = [];
  for (const number of [...numbers].sort((a, b) => a - b)) {
    const exposures = [...exposed.get(number) ?? []].sort(
      (a, b) => compare2(a.service.name, b.service.name) || a.servicePort - b.servicePort
    );
    const declared = workload.containerPorts.find(
      (p) => p.containerPort === number && p.protocol !== "UDP"
    );
    const protocol = exposures[0]?.protocol ?? "auto";
    if (protocol === "udp") continue;
    ports.push({
      port: number,
      name: declared?.name ?? exposures[0]?.portName ?? null,
      protocol,
      chain: chainOf(protocol),
      exposedBy: exposures,
      declaredAt: declared?.at ?? null,
      protocolConflict: new Set(exposures.map((e) => e.protocol)).size > 1
    });
  }
  return ports;
}
function compare2(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function allNamespaces(mesh) {
  const names = new Set(mesh.namespaces.map((n) => n.ref.name));
  const lists = [
    mesh.workloads,
    mesh.services,
    mesh.serviceAccounts,
    mesh.peerAuthentications,
    mesh.authorizationPolicies,
    mesh.requestAuthentications,
    mesh.destinationRules,
    mesh.serviceEntries,
    mesh.sidecars
  ];
  for (const list of lists) for (const object of list) names.add(object.ref.namespace);
  names.add(mesh.settings.rootNamespace.value);
  return [...names].sort();
}

// src/analysis/topology/callers.ts
var UNAUTHENTICATED = "(unauthenticated)";
var ANY_MESH_IDENTITY = "(any mesh identity)";
function pseudoCallers() {
  return [
    { kind: "unauthenticated", id: UNAUTHENTICATED },
    { kind: "any-mesh-identity", id: ANY_MESH_IDENTITY }
  ];
}

// src/analysis/topology/scope.ts
var EVERYTHING = { all: true, destinations: /* @__PURE__ */ new Set(), callers: /* @__PURE__ */ new Set() };
function destinationInScope(scope, id) {
  return scope.all || scope.destinations.has(id);
}

// src/analysis/authz/scope.ts
var GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";
var GATEWAY_API_GROUP = "gateway.networking.k8s.io";
var MANAGED_LABEL = "gateway.istio.io/managed";
var WAYPOINT_CONTROLLER = "istio.io-mesh-controller";
function indexPolicies(mesh) {
  return {
    rootNamespace: mesh.settings.rootNamespace.value,
    byNamespace: groupByNamespace(mesh.authorizationPolicies),
    requestAuthentications: groupByNamespace(mesh.requestAuthentications)
  };
}
function groupByNamespace(objects) {
  const out = /* @__PURE__ */ new Map();
  for (const object of objects) {
    const list = out.get(object.ref.namespace) ?? [];
    list.push(object);
    out.set(object.ref.namespace, list);
  }
  return out;
}
function isWaypoint(labels) {
  return labels[MANAGED_LABEL] === WAYPOINT_CONTROLLER;
}
function policiesFor(workload, index, labels = workload.workload.podLabels) {
  const enforced = [];
  const dryRun = [];
  const ignored = [];
  for (const policy of candidates(workload.namespace, index.rootNamespace, index.byNamespace)) {
    const attached = attaches(policy, workload, labels);
    if (attached === "ignored") ignored.push({ policy, reason: "target-refs" });
    else if (attached === "yes") (policy.dryRun ? dryRun : enforced).push(policy);
  }
  return { enforced, dryRun, ignored };
}
function requestAuthenticationsFor(workload, index, labels = workload.workload.podLabels) {
  return candidates(workload.namespace, index.rootNamespace, index.requestAuthentications).filter(
    (policy) => attaches(policy, workload, labels) === "yes"
  );
}
function candidates(namespace, root, byNamespace2) {
  const own = byNamespace2.get(namespace) ?? [];
  return namespace === root ? [...own] : [...byNamespace2.get(root) ?? [], ...own];
}
function attaches(policy, workload, labels) {
  const gateway = labels[GATEWAY_NAME_LABEL];
  const selected3 = policy.selector === null || selects(policy.selector.matchLabels, labels);
  if (gateway === void 0 || isWaypoint(labels)) {
    if (policy.targetRefs.length > 0) return "ignored";
    return selected3 ? "yes" : "no";
  }
  if (policy.targetRefs.length === 0) return selected3 ? "yes" : "no";
  const targetsGateway = policy.targetRefs.some(
    (ref) => ref.kind === "Gateway" && ref.group === GATEWAY_API_GROUP && ref.name === gateway && policy.ref.namespace === workload.namespace
  );
  return targetsGateway ? "yes" : "ignored";
}

// src/analysis/authz/evaluate.ts
function createAuthzEngine(mesh, options = {}) {
  const index = indexPolicies(mesh);
  const settings = mesh.settings;
  const destinations = /* @__PURE__ */ new Map();
  const ports = /* @__PURE__ */ new Map();
  const engine = {
    settings,
    index,
    destination(workload) {
      let found = destinations.get(workload);
      if (found === void 0) {
        found = compileDestination(
          workload,
          index,
          options.dataplaneOf?.(workload) ?? "SIDECAR",
          options.labelsOf?.(workload) ?? workload.workload.podLabels
        );
        destinations.set(workload, found);
      }
      return found;
    },
    port(destination, port) {
      if (destination.dataplane !== "SIDECAR") return null;
      const { number, chain } = portOf(destination.workload, port);
      const key = `${destination.classKey}${number}${chain}`;
      let compiled = ports.get(key);
      if (compiled === void 0) {
        compiled = compilePort(destination.scope, number, chain, {
          settings,
          requestAuthentication: destination.requestAuthentication
        });
        ports.set(key, compiled);
      }
      return compiled;
    },
    decide(destination, port, peer) {
      const compiled = engine.port(destination, port);
      return compiled === null ? null : decidePort(compiled, identityTest(peer));
    },
    access(destination, port, peer) {
      const decision = engine.decide(destination, port, peer);
      if (decision !== null) return decision.result;
      const { chain } = portOf(destination.workload, port);
      return destination.dataplane === "NO_SIDECAR" ? unenforced(chain) : notEvaluated(destination, chain);
    },
    compiledCount: () => ports.size
  };
  return engine;
}
function compileDestination(workload, index, dataplane, labels) {
  const scope = policiesFor(workload, index, labels);
  const requestAuthentication = requestAuthenticationsFor(workload, index, labels).length > 0;
  const plane = isWaypoint(workload.workload.podLabels) ? "WAYPOINT" : dataplane;
  const refs = (list) => list.map((p) => `${p.ref.namespace}/${p.ref.name}`).join(",");
  const classKey = [plane, requestAuthentication, refs(scope.enforced), refs(scope.dryRun)].join(
    "|"
  );
  return { workload, scope, dataplane: plane, requestAuthentication, classKey };
}
function portOf(workload, port) {
  if (typeof port !== "number") return { number: port.port, chain: port.chain };
  const declared = workload.ports.find((p) => p.port === port);
  return { number: port, chain: declared?.chain ?? "auto" };
}
function notEvaluated(destination, chain) {
  const reason = destination.dataplane === "WAYPOINT" ? "waypoint proxies enforce targetRefs policies with L7 rules, which meshguard does not evaluate" : "ambient workloads are enforced by ztunnel (L4) and waypoints, whose rules differ from a sidecar and are not evaluated";
  return {
    access: "partial",
    requests: [],
    exact: false,
    determining: [],
    allowed: emptySet(openSet(chain).space),
    universe: openSet(chain),
    notEvaluated: reason
  };
}

// src/analysis/authz/classes.ts
function createAccessIndex(mesh, topology, options = {}) {
  const engine = createAuthzEngine(mesh, options);
  const identities = new IdentityIndex(topology, mesh);
  const classes = /* @__PURE__ */ new Map();
  const cache = /* @__PURE__ */ new Map();
  let callerClasses = 0;
  const compute = (workload, port) => {
    const destination = engine.destination(workload);
    const compiled = engine.port(destination, port);
    if (compiled === null) {
      const fixed = engine.access(destination, port, null);
      return portAccess(
        workload,
        port,
        { classes: 1, plaintext: fixed, other: fixed, byPrincipal: /* @__PURE__ */ new Map() },
        () => fixed
      );
    }
    let answer = classes.get(compiled);
    if (answer === void 0) {
      answer = answerClass(compiled, identities);
      callerClasses += answer.classes;
      classes.set(compiled, answer);
    }
    const found = answer;
    const extra = /* @__PURE__ */ new Map();
    return portAccess(workload, port, found, (peer) => {
      const known = found.byPrincipal.get(peer.principal);
      if (known !== void 0) return known;
      if (identities.isKnown(peer)) return found.other;
      let result = extra.get(peer.principal);
      if (result === void 0) {
        result = decidePort(found.compiled, (atom) => testIdentityAtom(atom, peer)).result;
        extra.set(peer.principal, result);
      }
      return result;
    });
  };
  return {
    portAccess(workload, port) {
      let found = cache.get(port);
      if (found === void 0) {
        found = compute(workload, port);
        cache.set(port, found);
      }
      return found;
    },
    stats: () => ({
      workloads: topology.workloads.length,
      ports: cache.size,
      identities: identities.size,
      destinationClasses: classes.size,
      callerClasses,
      identityChecks: identities.checks
    })
  };
}
function portAccess(workload, port, answer, identified) {
  return {
    workload,
    port,
    plaintext: answer.plaintext,
    otherIdentities: answer.other,
    byPrincipal: answer.byPrincipal,
    accessFor: (peer) => peer === null ? answer.plaintext : identified(peer)
  };
}
function answerClass(compiled, identities) {
  const atoms = atomsOf2(compiled);
  const decide = (test) => decidePort(compiled, test).result;
  const outside = identities.outside;
  const outsideVector = atoms.map((a) => testIdentityAtom(a, outside));
  const byKey = (vector) => {
    const index = new Map(atoms.map((a, i) => [identityAtomKey(a), vector[i] ?? false]));
    return (atom) => index.get(identityAtomKey(atom)) ?? false;
  };
  const plaintext = decide(() => false);
  const other = decide(byKey(outsideVector));
  const bySignature = /* @__PURE__ */ new Map([[vectorKey(outsideVector), other]]);
  const byPrincipal = /* @__PURE__ */ new Map();
  for (const peer of identities.mentioned(atoms, outsideVector)) {
    const vector = atoms.map((a) => testIdentityAtom(a, peer));
    const key = vectorKey(vector);
    let result = bySignature.get(key);
    if (result === void 0) {
      result = decide(byKey(vector));
      bySignature.set(key, result);
    }
    if (result !== other) byPrincipal.set(peer.principal, result);
  }
  return { classes: 1 + bySignature.size, plaintext, other, byPrincipal, compiled };
}
function atomsOf2(compiled) {
  const all = /* @__PURE__ */ new Map();
  for (const chain of compiled.chains)
    for (const [key, atom] of chain.identityAtoms) all.set(key, atom);
  return [...all.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([, atom]) => atom);
}
function vectorKey(vector) {
  return vector.map((v) => v ? "1" : "0").join("");
}
var IdentityIndex = class {
  outside;
  all;
  byPrincipal = /* @__PURE__ */ new Map();
  byNamespace = /* @__PURE__ */ new Map();
  differing = /* @__PURE__ */ new Map();
  checks = 0;
  constructor(topology, mesh) {
    this.outside = outsidePeer(mesh.settings);
    for (const node of topology.workloads) {
      const peer = workloadPeer(
        mesh.settings,
        node.namespace,
        node.workload.serviceAccountName.value
      );
      if (this.byPrincipal.has(peer.principal)) continue;
      this.byPrincipal.set(peer.principal, peer);
      const list = this.byNamespace.get(peer.namespace) ?? [];
      list.push(peer);
      this.byNamespace.set(peer.namespace, list);
    }
    this.all = [...this.byPrincipal.values()];
  }
  get size() {
    return this.all.length;
  }
  mentioned(atoms, outsideVector) {
    const out = /* @__PURE__ */ new Map();
    atoms.forEach((atom, i) => {
      for (const peer of this.differingFrom(atom, outsideVector[i] ?? false))
        out.set(peer.principal, peer);
    });
    return [...out.values()].sort(
      (a, b) => a.principal < b.principal ? -1 : a.principal > b.principal ? 1 : 0
    );
  }
  /** An identity of the manifests (same principal, namespace and service account). */
  isKnown(peer) {
    const known = this.byPrincipal.get(peer.principal);
    return known !== void 0 && known.namespace === peer.namespace && known.serviceAccount === peer.serviceAccount;
  }
  differingFrom(atom, outsideMatches) {
    const key = identityAtomKey(atom);
    let found = this.differing.get(key);
    if (found === void 0) {
      const candidates2 = this.candidates(atom, outsideMatches);
      this.checks += candidates2.length;
      found = candidates2.filter((peer) => testIdentityAtom(atom, peer) !== outsideMatches);
      this.differing.set(key, found);
    }
    return found;
  }
  /**
   * Identities that might match an atom the outside identity does not: for an exact principal,
   * that principal; for an exact namespace or service account, that namespace's identities, plus
   * those of a namespace literally named `ns`, whose URI has a second `/ns/` segment the
   * namespace regex `.*\/ns/<value>/.*` can also match; patterns (and atoms the outside identity
   * matches) scan everyone once, cached per atom.
   */
  candidates(atom, outsideMatches) {
    if (outsideMatches) return this.all;
    if (atom.kind === "principal" && !atom.pattern.includes("*")) {
      const peer = this.byPrincipal.get(atom.pattern);
      return peer ? [peer] : [];
    }
    const inNamespace = (namespace) => [
      ...this.byNamespace.get(namespace) ?? [],
      ...namespace === "ns" ? [] : this.byNamespace.get("ns") ?? []
    ];
    if (atom.kind === "namespace" && !atom.pattern.includes("*")) return inNamespace(atom.pattern);
    if (atom.kind === "serviceAccount") return inNamespace(atom.namespace);
    return this.all;
  }
};

// src/analysis/authz/format-rule.ts
function formatClause(clause) {
  if ("key" in clause) {
    const parts = [
      clause.values ? `${clause.key.value} in ${clause.values.map((v) => v.value).join(", ")}` : null,
      clause.notValues ? `${clause.key.value} not in ${clause.notValues.map((v) => v.value).join(", ")}` : null
    ];
    return parts.filter((p) => p !== null).join(" and ");
  }
  return Object.entries(clause).filter((entry) => entry[0] !== "at" && entry[1] !== void 0).map(([name, field2]) => `${name}: ${field2.values.map((v) => v.value).join(", ")}`).join("; ");
}

// src/analysis/authz/explain-evidence.ts
function policyEvidence(policy, note) {
  return { policy: policy.ref, at: policy.source, note };
}
function scopeNotes(scope) {
  return [
    ...scope.dryRun.map((p) => policyEvidence(p, `dry-run ${p.action} policy: not enforced`)),
    ...scope.ignored.map(
      (i) => policyEvidence(
        i.policy,
        "has targetRefs: sidecars ignore it (waypoints and gateways enforce it)"
      )
    )
  ];
}
function droppedNotes(chains) {
  const out = [];
  for (const chain of chains)
    for (const policy of [...chain.allow, ...chain.deny, ...chain.custom, ...chain.audit])
      for (const rule of policy.rules) {
        const skipped = rule.body.skipped;
        if (skipped !== null)
          out.push({
            policy: policy.policy.ref,
            at: rule.ref.at,
            note: `ALLOW rule ${rule.ref.rule} dropped on the TCP chain: it uses HTTP-only ${skipped.fields.map((f) => f.field).join(", ")}`
          });
        else if (rule.body.droppedOnTcp.length > 0)
          out.push({
            policy: policy.policy.ref,
            at: rule.ref.at,
            note: `${policy.action} rule ${rule.ref.rule} on the TCP chain ignores HTTP-only ${rule.body.droppedOnTcp.map((f) => f.field).join(", ")}, so it matches more`
          });
        if (rule.body.approximated.length > 0)
          out.push({
            policy: policy.policy.ref,
            at: rule.ref.at,
            note: `rule ${rule.ref.rule}: ${rule.body.approximated.map((f) => quote(f.field)).join(", ")} not modelled; taken fail-safe`
          });
      }
  return out;
}
function nearestRule(chains, peer, restrict) {
  const test = identityTest(peer);
  let best = null;
  for (const chain of chains)
    for (const policy of chain.allow)
      for (const rule of policy.rules) {
        const missing = missingParts(rule, policy.policy, test, chain.universe, restrict);
        if (missing.length === 0) continue;
        if (best === null || missing.length < best.missing.length)
          best = { ref: rule.ref, missing };
      }
  return best;
}
function missingParts(rule, policy, test, universe, restrict) {
  const raw = policy.rules?.[rule.ref.rule ?? -1];
  if (raw === void 0) return [];
  if (rule.body.skipped !== null)
    return [
      {
        part: "rule",
        requires: `an HTTP port (it uses ${rule.body.skipped.fields.map((f) => f.field).join(", ")})`,
        at: rule.ref.at
      }
    ];
  const reachable = (clause) => evaluate(clause.identity, test) && !isEmpty(intersect(intersect(clause.set, universe), restrict ?? universe));
  const missing = [];
  if (rule.from !== null && !rule.from.some(reachable))
    missing.push({
      part: "from",
      requires: (raw.from ?? []).map((s) => formatClause(s)).join(" or "),
      at: raw.from?.[0]?.at ?? raw.at
    });
  if (rule.to !== null && !rule.to.some(reachable))
    missing.push({
      part: "to",
      requires: (raw.to ?? []).map((o) => formatClause(o)).join(" or "),
      at: raw.to?.[0]?.at ?? raw.at
    });
  rule.when.forEach((clause, i) => {
    const condition = raw.when?.[i];
    if (condition !== void 0 && !reachable(clause))
      missing.push({ part: `when[${i}]`, requires: formatClause(condition), at: condition.at });
  });
  return missing;
}

// src/analysis/authz/request-path.ts
function authorizedPath(requestPath) {
  const end = requestPath.search(/[?#]/);
  const path = end < 0 ? requestPath : requestPath.slice(0, end);
  return removeDotSegments(path);
}
function removeDotSegments(path) {
  const output = [];
  const segments = path.split("/").slice(1);
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === "." || segment === "..") {
      if (segment === "..") output.pop();
      if (last) output.push("");
      return;
    }
    output.push(segment);
  });
  return `/${output.join("/")}`;
}

// src/analysis/authz/explain.ts
function explainAccess(engine, workload, port, peer, asked = {}) {
  const destination = engine.destination(workload);
  const declared = workload.ports.find((p) => p.port === port);
  const chain = declared?.chain ?? "auto";
  const query = authorizedQuery(asked);
  const base = { workload: workload.id, port, chain, peer, query };
  const decision = engine.decide(destination, declared ?? port, peer);
  const notes = [
    ...scopeNotes(destination.scope),
    ...pathNote(asked, query, workload)
  ];
  if (decision === null) {
    const result = engine.access(destination, declared ?? port, peer);
    const summary = result.notEvaluated ?? "the workload has no sidecar, so no AuthorizationPolicy is enforced";
    return {
      ...base,
      ...emptyEvidence(),
      access: result.access,
      requests: result.requests,
      exact: result.exact,
      notEvaluated: result.notEvaluated,
      summary,
      notes
    };
  }
  const http = decision.chains.filter((c) => c.chain.chain === "http");
  const restrict = http.length > 0 ? queryRestriction(query) : null;
  const chains = restrict === null ? decision.chains : http;
  if (restrict === null && (query.method !== void 0 || query.path !== void 0))
    notes.push({
      policy: { kind: "Service", namespace: workload.namespace, name: workload.name },
      at: workload.workload.source,
      note: `port ${port} is handled as TCP: methods and paths are not seen, so the answer is for every connection`
    });
  const scoped = (set2) => restrict === null ? set2 : intersect(set2, restrict);
  const universe = chains.map((c) => scoped(c.chain.universe)).reduce((a, s) => a ? union(a, s) : s, null);
  const allowed = chains.map((c) => scoped(c.allowed)).reduce((a, s) => a ? union(a, s) : s, null);
  const access = allowed === null || isEmpty(allowed) ? "deny" : universe !== null && isSubset(universe, allowed) ? "allow" : "partial";
  const evidence2 = (pick2) => chains.flatMap(
    (c) => pick2(c).flatMap((m) => {
      const set2 = scoped(m.set);
      return isEmpty(set2) ? [] : [
        {
          ref: m.ref,
          chain: c.chain.chain,
          requests: describe2(set2, scoped(c.chain.universe))
        }
      ];
    })
  );
  const allowPolicies = chains[0]?.chain.allow.map(
    (p) => policyEvidence(p.policy, "ALLOW policy: a request must match one of its rules")
  ) ?? [];
  const explanation = {
    ...base,
    access,
    requests: access === "allow" ? [ALL_REQUESTS] : access === "deny" || allowed === null ? [] : describe2(allowed, universe ?? void 0),
    exact: chains.every((c) => c.exact),
    notEvaluated: null,
    custom: evidence2((c) => c.custom),
    deny: evidence2((c) => c.deny),
    allow: evidence2((c) => c.allow),
    audit: evidence2((c) => c.audit),
    allowPolicies,
    notes: [...notes, ...droppedNotes(chains.map((c) => c.chain))],
    nearest: access === "allow" ? null : nearestRule(
      chains.map((c) => c.chain),
      peer,
      restrict
    )
  };
  return { ...explanation, summary: summarize(explanation) };
}
function emptyEvidence() {
  return { custom: [], deny: [], allow: [], audit: [], allowPolicies: [], nearest: null };
}
function authorizedQuery(query) {
  return query.path === void 0 ? query : { ...query, path: authorizedPath(query.path) };
}
function pathNote(asked, query, workload) {
  if (asked.path === query.path || asked.path === void 0) return [];
  return [
    {
      policy: workload.workload.ref,
      at: workload.workload.source,
      note: `the request path ${quote(asked.path)} is checked as ${quote(query.path ?? "")}: Envoy drops the query and fragment and resolves \`.\` and \`..\` segments before authorization (default path normalization)`
    }
  ];
}
function queryRestriction(query) {
  const exact = (value) => ({
    op: "atom",
    atom: { kind: "string", atom: { kind: "exact", value } }
  });
  const cube = /* @__PURE__ */ new Map();
  if (query.method !== void 0) cube.set("method", exact(query.method));
  if (query.path !== void 0) cube.set("path", exact(query.path));
  return cube.size === 0 ? null : cubeSet(spaceOfCubes([cube]), cube);
}
function summarize(e) {
  const refs = (evidence2) => sortRefs(evidence2.map((x) => x.ref)).map((r) => `${r.policy.namespace}/${r.policy.name} rule ${r.rule ?? "-"}`).join(", ");
  const who = e.peer === null ? "a plaintext caller (no identity)" : quote(e.peer.principal);
  if (e.access === "allow")
    return e.allowPolicies.length === 0 ? `allowed: no ALLOW policy applies and no DENY rule matches ${who}` : `allowed: ${refs(e.allow)} allows every request from ${who}`;
  if (e.deny.length > 0 && e.access === "deny") return `denied: DENY ${refs(e.deny)} matches`;
  if (e.custom.length > 0 && e.access === "deny")
    return `denied unless the external authorizer allows: CUSTOM ${refs(e.custom)} matches`;
  if (e.access === "deny")
    return `denied: ALLOW policies apply and none of their rules matches ${who}`;
  const parts = [
    e.allow.length > 0 ? `allowed by ${refs(e.allow)}` : "allowed by default",
    e.deny.length > 0 ? `except what DENY ${refs(e.deny)} matches` : ""
  ];
  return `some requests ${parts.filter((p) => p !== "").join(" ")}`;
}

// src/analysis/authz/findings-policy.ts
function finding(code, params, at, side2, ref, subject) {
  const entry = catalogue[code];
  const message = entry.message(params);
  const id = [code, ref ? refKey(ref) : "", subject].filter((p) => p !== "").join(":");
  return { id, code, severity: entry.severity, message, at, side: side2, ...ref ? { ref } : {} };
}
var METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];
function policyFindings(policy, topology, side2, labelsOf2) {
  const out = [];
  const add = (code, params, at, subject) => {
    out.push(finding(code, params, at, side2, policy.ref, subject));
  };
  const root = topology.mesh.settings.rootNamespace.value;
  if (policy.dryRun)
    add("MG211", { action: policy.action }, policy.dryRunAt ?? policy.source, "dry-run");
  if (policy.targetRefs.length > 0)
    add(
      "MG208",
      { targets: policy.targetRefs.map((t) => `${t.kind} ${t.name}`).join(", ") },
      policy.targetRefs[0]?.at ?? policy.source,
      "target-refs"
    );
  if (policy.selector !== null && policy.targetRefs.length === 0) {
    const selector = policy.selector;
    const candidates2 = policy.ref.namespace === root ? topology.workloads : topology.workloadsIn(policy.ref.namespace);
    const matches2 = candidates2.some((w) => selects(selector.matchLabels, labelsOf2(w)));
    if (!matches2)
      add(
        "MG207",
        {
          selector: Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`).join(",")
        },
        selector.at,
        "selector"
      );
  }
  const effect = policy.action === "ALLOW" ? "the rule allows less than written" : "the rule denies less than written";
  (policy.rules ?? []).forEach((rule, index) => {
    for (const value of identityValues(rule, "principals"))
      principalFindings(value, effect, index, add);
    for (const value of identityValues(rule, "namespaces")) {
      if (/\*(s?a)$/.test(value.value) && value.value !== "*")
        add("MG218", { value: value.value }, value.at, `rules[${index}]:${value.value}`);
    }
    for (const operation of rule.to ?? [])
      for (const field2 of [operation.methods, operation.notMethods])
        for (const value of field2?.values ?? [])
          if (!knownMethod(value.value))
            add("MG213", { value: value.value }, value.at, `rules[${index}]:${value.value}`);
    for (const operation of rule.to ?? []) {
      const hosts = operation.hosts?.values ?? [];
      for (const value of hosts)
        if (!value.value.includes("*") && !value.value.includes(":") && !coversPortForm(value.value, hosts))
          add("MG214", { value: value.value }, value.at, `rules[${index}]:${value.value}`);
    }
    if (policy.action === "ALLOW" && rule.from === null && rule.to === null && (rule.when ?? []).length === 0)
      add("MG212", { scope: scopeText(policy, root) }, rule.at, `rules[${index}]`);
  });
  return out;
}
function principalFindings(value, effect, index, add) {
  if (value.value.startsWith("spiffe://")) {
    add("MG201", { value: value.value, effect }, value.at, `rules[${index}]:${value.value}`);
    return;
  }
  if (value.value.includes("*")) return;
  if (!/^[^/]+\/ns\/[^/]+\/sa\/[^/]+$/.test(value.value))
    add("MG202", { value: value.value, effect }, value.at, `rules[${index}]:${value.value}`);
}
function identityValues(rule, field2) {
  const not2 = field2 === "principals" ? "notPrincipals" : "notNamespaces";
  const key = field2 === "principals" ? "source.principal" : "source.namespace";
  const fromFields = (rule.from ?? []).flatMap((s) => [s[field2], s[not2]]).filter((f) => f !== void 0);
  const conditions = (rule.when ?? []).filter((c) => c.key.value === key);
  return [
    ...fromFields.flatMap((f) => f.values),
    ...conditions.flatMap((c) => [...c.values ?? [], ...c.notValues ?? []])
  ];
}
function knownMethod(value) {
  if (value === "*") return true;
  if (value.startsWith("*")) return METHODS.some((m) => m.endsWith(value.slice(1)));
  if (value.endsWith("*")) return METHODS.some((m) => m.startsWith(value.slice(0, -1)));
  return METHODS.includes(value);
}
function scopeText(policy, root) {
  const selector = policy.selector ? `workloads labelled ${Object.entries(policy.selector.matchLabels).map(([k, v]) => `${k}=${v}`).join(",")}` : "every workload";
  const where = policy.ref.namespace === root ? "in the mesh" : `in namespace ${policy.ref.namespace}`;
  return `${selector} ${where}`;
}
function coversPortForm(host, hosts) {
  const withPort = `${host.toLowerCase()}:8080`;
  return hosts.some((other) => {
    const pattern = other.value.toLowerCase();
    return pattern.endsWith("*") && withPort.startsWith(pattern.slice(0, -1));
  });
}

// src/analysis/authz/findings.ts
var UNAUTHENTICATED_CALLER = { kind: "unauthenticated", id: UNAUTHENTICATED };
var POSITIVE_IDENTITY = ["principals", "namespaces", "serviceAccounts", "trustDomains"];
var NEGATIVE_IDENTITY = [
  "notPrincipals",
  "notNamespaces",
  "notServiceAccounts",
  "notTrustDomains"
];
var IDENTITY_KEYS = [
  "source.principal",
  "source.namespace",
  "source.serviceAccount",
  "source.trustDomain"
];
function authzFindings(side2) {
  const out = [];
  for (const policy of side2.mesh.authorizationPolicies)
    out.push(...policyFindings(policy, side2.topology, side2.side, labelsOf(side2)));
  out.push(...workloadFindings(side2));
  const unique = [...new Map(out.map((f) => [f.id, f])).values()];
  return unique.sort((a, b) => compareSources(a.at, b.at) || compareText(a.id, b.id));
}
function labelsOf(side2) {
  return side2.labelsOf ?? ((workload) => workload.workload.podLabels);
}
function workloadFindings(side2) {
  const engine = createAuthzEngine(side2.mesh, {
    ...side2.dataplaneOf ? { dataplaneOf: side2.dataplaneOf } : {},
    labelsOf: labelsOf(side2)
  });
  const aggregates = /* @__PURE__ */ new Map();
  const singles = [];
  const note = (a, port) => {
    const found = aggregates.get(a.key) ?? { make: a.make, ports: [] };
    if (!found.ports.includes(port)) found.ports.push(port);
    aggregates.set(a.key, found);
  };
  for (const workload of side2.topology.workloads) {
    if (side2.scope !== void 0 && !destinationInScope(side2.scope, workload.id)) continue;
    const destination = engine.destination(workload);
    const applied = destination.scope.enforced;
    if (destination.dataplane === "AMBIENT" && applied.length > 0)
      singles.push(
        finding(
          "MG216",
          { workload: workload.id },
          applied[0]?.source ?? workload.workload.source,
          side2.side,
          void 0,
          workload.id
        )
      );
    if (destination.dataplane !== "SIDECAR") continue;
    singles.push(
      ...customFindings(
        workload,
        applied,
        engine.settings.extensionProviders.value,
        engine.settings.extensionProviders.origin !== "default",
        side2.side
      )
    );
    for (const port of workload.ports) {
      const compiled = engine.port(destination, port);
      if (compiled === null) continue;
      const where = `port ${quote(port.port)} of ${quote(workload.id)}`;
      const plaintext = side2.peerOf(UNAUTHENTICATED_CALLER, workload, port.port) === null;
      for (const chain of compiled.chains)
        for (const policy of [...chain.allow, ...chain.deny, ...chain.audit, ...chain.custom])
          for (const rule of policy.rules) {
            const raw = policy.policy.rules?.[rule.ref.rule ?? -1];
            if (raw === void 0) continue;
            ruleFindings(
              rule,
              raw,
              policy.policy,
              chain,
              plaintext,
              destination.requestAuthentication,
              workload,
              side2.side
            ).forEach((a) => note(a, where));
          }
    }
  }
  for (const a of aggregates.values()) {
    const ports = a.ports.length === 1 ? a.ports[0] ?? "" : `${a.ports[0] ?? ""} and ${a.ports.length - 1} more`;
    singles.push(a.make(ports));
  }
  return singles;
}
function ruleFindings(rule, raw, policy, chain, plaintext, requestAuthentication, workload, side2) {
  const out = [];
  const add = (code, subject, at, params) => {
    out.push({
      key: `${code}:${policy.ref.namespace}/${policy.ref.name}:${subject}`,
      make: (ports) => finding(code, params(ports), at, side2, policy.ref, subject)
    });
  };
  const index = rule.ref.rule ?? 0;
  const first2 = rule.body.skipped?.fields[0] ?? rule.body.droppedOnTcp[0];
  if (chain.chain === "tcp" && first2 !== void 0 && portApplies(raw, chain.port)) {
    if (rule.body.skipped !== null)
      add("MG203", `rules[${index}]`, first2.at, (ports) => ({ field: first2.field, ports }));
    else if (policy.action !== "AUDIT")
      add("MG204", `rules[${index}]`, first2.at, (ports) => ({
        action: policy.action,
        field: first2.field,
        ports
      }));
  }
  for (const approx of rule.body.approximated)
    add("MG215", `rules[${index}]:${approx.field}`, approx.at, () => ({
      key: approx.field,
      effect: policy.action === "ALLOW" ? "the condition never holds" : "the condition always holds"
    }));
  if (plaintext && rule.body.skipped === null) {
    const positive = identityFields(raw, POSITIVE_IDENTITY, false);
    const negative = identityFields(raw, NEGATIVE_IDENTITY, true);
    if (policy.action === "DENY" && positive[0] !== void 0) {
      const field2 = positive[0];
      add("MG205", `rules[${index}]`, field2.at, (ports) => ({ field: field2.name, ports }));
    }
    if (policy.action === "ALLOW" && negative[0] !== void 0 && !isEmpty(ruleSet(rule, () => false, chain.universe))) {
      const field2 = negative[0];
      add("MG206", `rules[${index}]`, field2.at, (ports) => ({ field: field2.name, ports }));
    }
  }
  if (!requestAuthentication && chain.chain === "http") {
    const jwt = jwtField(raw);
    if (jwt !== null)
      add("MG217", `rules[${index}]:${workload.id}`, jwt.at, () => ({
        field: jwt.name,
        workload: workload.id,
        effect: jwt.negative ? "the negative match always holds" : "it never matches"
      }));
  }
  return out;
}
function portApplies(rule, port) {
  const listed = (values) => (values ?? []).some((v) => Number(v.value) === port);
  const to = rule.to === null || rule.to.some(
    (o) => (o.ports === void 0 || listed(o.ports.values)) && (o.notPorts === void 0 || !listed(o.notPorts.values))
  );
  const when = (rule.when ?? []).filter((c) => c.key.value === "destination.port").every((c) => (c.values === null || listed(c.values)) && !listed(c.notValues));
  return to && when;
}
function identityFields(rule, names, negative) {
  const out = [];
  for (const source of rule.from ?? [])
    for (const name of names) {
      const field2 = source[name];
      if (field2 !== void 0 && "values" in field2) out.push({ name, at: field2.at });
    }
  for (const condition of rule.when ?? []) {
    if (!IDENTITY_KEYS.includes(condition.key.value)) continue;
    if (negative ? condition.notValues : condition.values)
      out.push({ name: condition.key.value, at: condition.key.at });
  }
  return out;
}
function jwtField(rule) {
  for (const source of rule.from ?? []) {
    if (source.requestPrincipals)
      return { name: "requestPrincipals", at: source.requestPrincipals.at, negative: false };
    if (source.notRequestPrincipals)
      return { name: "notRequestPrincipals", at: source.notRequestPrincipals.at, negative: true };
  }
  for (const condition of rule.when ?? [])
    if (condition.key.value.startsWith("request.auth."))
      return {
        name: condition.key.value,
        at: condition.key.at,
        negative: condition.values === null
      };
  return null;
}
function customFindings(workload, policies, providers, known, side2) {
  const custom = policies.filter((p) => p.action === "CUSTOM");
  const names = [...new Set(custom.map((p) => p.provider?.value ?? ""))].sort();
  const out = [];
  if (names.length > 1 && custom[0] !== void 0)
    out.push(
      finding(
        "MG210",
        { workload: workload.id, providers: names.map((n) => quote(n)).join(", ") },
        custom[0].actionAt,
        side2,
        custom[0].ref,
        workload.id
      )
    );
  if (known)
    for (const policy of custom) {
      const name = policy.provider?.value ?? "";
      if (!providers.includes(name))
        out.push(
          finding(
            "MG209",
            { provider: name },
            policy.provider?.at ?? policy.actionAt,
            side2,
            policy.ref,
            "provider"
          )
        );
    }
  return out;
}

// src/analysis/graph/edge-eval.ts
function evaluateEdge(side2, caller, server, port) {
  const transport = side2.mtls.transport(caller, server, port.port);
  const access = side2.access.portAccess(server, port).accessFor(peerOf(side2, caller, transport));
  const reaching = transport.transport === "broken" ? subtract(access.allowed, access.allowed) : access.allowed;
  return { transport, access, reaching };
}
function peerOf(side2, caller, transport) {
  if (transport.transport !== "mtls") return null;
  return policyPeer(side2.mesh.settings, caller, transport.peer);
}

// src/analysis/mtls/hosts.ts
var EXPORT_TO = "networking.istio.io/exportTo";
function buildHostRegistry(topology) {
  const entries = [];
  const byService = /* @__PURE__ */ new Map();
  for (const service of topology.mesh.services) {
    const entry = serviceEntryOf(service);
    byService.set(service, entry);
    entries.push(entry);
  }
  const serviceEntryHosts = /* @__PURE__ */ new Map();
  for (const serviceEntry of topology.mesh.serviceEntries) {
    const hosts = serviceEntry.hosts.map((host) => ({
      host: host.value,
      namespace: serviceEntry.ref.namespace,
      ref: serviceEntry.ref,
      at: host.at,
      exportTo: serviceEntry.exportTo,
      meshExternal: serviceEntry.location === "MESH_EXTERNAL",
      passthrough: serviceEntry.resolution === "NONE",
      service: null,
      serviceEntry
    }));
    serviceEntryHosts.set(serviceEntry, hosts);
    entries.push(...hosts);
  }
  entries.sort((a, b) => compareText(a.host, b.host) || compareText(a.namespace, b.namespace));
  const selectingEntries = topology.mesh.serviceEntries.filter((se) => se.workloadSelector);
  const serviceByRef = new Map(
    topology.mesh.services.map((s) => [`${s.ref.namespace}/${s.ref.name}`, s])
  );
  const selectedBy = (serviceEntry, workload) => serviceEntry.ref.namespace === workload.namespace && selects(serviceEntry.workloadSelector?.matchLabels ?? {}, workload.workload.podLabels);
  return {
    all: entries,
    exposures(workload, port) {
      const out = [];
      const exposed = workload.ports.find((p) => p.port === port)?.exposedBy ?? [];
      for (const exposure of exposed) {
        const service = serviceByRef.get(`${exposure.service.namespace}/${exposure.service.name}`);
        const entry = service && byService.get(service);
        if (entry) out.push({ entry, servicePort: exposure.servicePort });
      }
      for (const serviceEntry of selectingEntries) {
        if (!selectedBy(serviceEntry, workload)) continue;
        for (const sePort of serviceEntry.ports) {
          if ((sePort.targetPort ?? sePort.number) !== port) continue;
          for (const entry of serviceEntryHosts.get(serviceEntry) ?? [])
            out.push({ entry, servicePort: sePort.number });
        }
      }
      return out.sort(compareExposures);
    },
    endpoints(entry, servicePort) {
      if (entry.service !== null) {
        const port = entry.service.ports.find((p) => p.port === servicePort);
        return port === void 0 ? [] : topology.endpoints(entry.service, port);
      }
      const serviceEntry = entry.serviceEntry;
      const sePort = serviceEntry?.ports.find((p) => p.number === servicePort);
      if (serviceEntry === null || sePort === void 0 || !serviceEntry.workloadSelector)
        return [];
      return topology.workloads.filter((w) => selectedBy(serviceEntry, w)).map((workload) => ({ workload, targetPort: sePort.targetPort ?? sePort.number }));
    }
  };
}
function serviceEntryOf(service) {
  const exportTo = service.annotations[EXPORT_TO];
  return {
    host: serviceHost(service),
    namespace: service.ref.namespace,
    ref: service.ref,
    at: service.source,
    exportTo: exportTo === void 0 ? null : exportTo.split(",").map((e) => e.trim()).filter((e) => e !== ""),
    meshExternal: false,
    passthrough: service.headless,
    service,
    serviceEntry: null
  };
}
function compareExposures(a, b) {
  const kind = (e) => e.entry.service !== null ? 0 : 1;
  return kind(a) - kind(b) || compareText(a.entry.namespace, b.entry.namespace) || compareText(a.entry.ref.name, b.entry.ref.name) || compareText(a.entry.host, b.entry.host) || a.servicePort - b.servicePort;
}
function hostVisibleTo(entry, clientNamespace) {
  if (entry.exportTo === null || entry.exportTo.length === 0) return true;
  return entry.exportTo.some(
    (e) => e === "*" || e === "." && entry.namespace === clientNamespace || e === clientNamespace
  );
}

// src/analysis/mtls/client-class.ts
var ANY_NAMESPACE = "(any namespace)";
function namespaceDistinguisher(deps) {
  const { mesh, hosts, destinationRules, sidecars } = deps;
  const root = mesh.settings.rootNamespace.value;
  const byHost = /* @__PURE__ */ new Map();
  for (const entry of hosts.all) {
    const list = byHost.get(entry.host);
    if (list) list.push(entry);
    else byHost.set(entry.host, [entry]);
  }
  const restrictedOwners = /* @__PURE__ */ new Set();
  const namedByHosts = /* @__PURE__ */ new Set();
  for (const entry of hosts.all) {
    if (!hostVisibleTo(entry, ANY_NAMESPACE)) restrictedOwners.add(entry.namespace);
    for (const name of entry.exportTo ?? [])
      if (![".", "*", "~"].includes(name)) namedByHosts.add(name);
  }
  const rulesByNamespace = /* @__PURE__ */ new Map();
  for (const rule of mesh.destinationRules) {
    const list = rulesByNamespace.get(rule.ref.namespace) ?? [];
    list.push(rule);
    rulesByNamespace.set(rule.ref.namespace, list);
  }
  const matchesOnlyOwnHosts = (ruleHost, namespace) => {
    if (!ruleHost.startsWith("*"))
      return (byHost.get(ruleHost) ?? []).every((e) => e.namespace === namespace);
    const suffix = ruleHost.slice(1);
    const serviceSuffix = `.${namespace}.svc.cluster.local`;
    return hosts.all.every((entry) => {
      if (suffix === serviceSuffix && entry.service !== null) return true;
      const needle = entry.host.startsWith("*") ? entry.host.slice(1) : entry.host;
      const matches2 = entry.host === ruleHost || needle.endsWith(suffix);
      return !matches2 || entry.namespace === namespace;
    });
  };
  const transparentRules = (namespace) => (rulesByNamespace.get(namespace) ?? []).every(
    (rule) => rule.workloadSelector === null && destinationRules.exportedToAll(rule) && matchesOnlyOwnHosts(destinationRules.resolvedHost(rule), namespace)
  );
  const cache = /* @__PURE__ */ new Map();
  return (namespace) => {
    let distinguished = cache.get(namespace);
    if (distinguished === void 0) {
      distinguished = namespace === root || sidecars.rootDefaultIsRelative || sidecars.namespaces.has(namespace) || destinationRules.namedInExportTo.has(namespace) || namedByHosts.has(namespace) || restrictedOwners.has(namespace) || !transparentRules(namespace);
      cache.set(namespace, distinguished);
    }
    return distinguished;
  };
}
var PLAINTEXT = {
  key: "plaintext",
  kind: "plaintext",
  namespace: ANY_NAMESPACE,
  labels: {},
  sidecar: null,
  exact: true
};
function workloadContext(workload, decision, labels, distinguished, destinationRules, sidecars) {
  const assumed = decision.exact ? "" : "assumed";
  if (decision.dataplane === "NO_SIDECAR") {
    return {
      ...PLAINTEXT,
      key: decision.exact ? "plaintext" : "plaintext|assumed",
      exact: decision.exact
    };
  }
  if (decision.dataplane === "AMBIENT") {
    return { ...PLAINTEXT, key: `ambient|${assumed}`, kind: "ambient", exact: decision.exact };
  }
  const own = workload.namespace;
  const namespace = distinguished(own) ? own : ANY_NAMESPACE;
  const rules = destinationRules.selectingRules(own, labels).map((r) => r.ref.name);
  const kind = decision.gateway ? "gateway" : "sidecar";
  const sidecar = decision.gateway ? null : sidecars.sidecarFor(own, labels);
  return {
    key: `${kind}|${namespace === ANY_NAMESPACE ? "*" : namespace}|${rules.join(",")}|${sidecarKey(sidecar)}|${assumed}`,
    kind,
    namespace,
    labels,
    sidecar,
    exact: decision.exact
  };
}
function sidecarKey(sidecar) {
  return sidecar === null ? "" : `${sidecar.ref.namespace}/${sidecar.ref.name}`;
}

// src/analysis/mtls/evidence.ts
function objectEvidence(object, note, at) {
  return { ref: object.ref, at: at ?? object.source, note };
}
function noteEvidence(note) {
  return { ref: null, at: null, note };
}
function labelText(key, value) {
  return value === void 0 ? `${key} (absent)` : `${key}=${value}`;
}

// src/analysis/mtls/client-side.ts
var NO_PROXY = {
  mode: "NONE",
  effective: "DISABLE",
  phrase: "the client has no sidecar and sends plaintext",
  evidence: [noteEvidence("no client proxy: the application sends plaintext with no identity")],
  exact: true,
  destinationRule: null
};
function side(mode, effective, phrase, evidence2, destinationRule = null) {
  return { mode, effective, phrase, evidence: evidence2, exact: true, destinationRule };
}

// src/analysis/mtls/auto-mtls.ts
function autoMtls(group2, server, port, exposure, deps, evidence2) {
  const { entry } = exposure;
  const off = (why, note) => side("AUTO_MTLS", "DISABLE", `auto mTLS sends plaintext (${why})`, [...evidence2, note], group2);
  if (!deps.enableAutoMtls)
    return off("enableAutoMtls is false", noteEvidence("meshConfig.enableAutoMtls: false"));
  if (entry.meshExternal) {
    return off("the ServiceEntry is MESH_EXTERNAL", {
      ref: entry.ref,
      at: entry.at,
      note: "MESH_EXTERNAL (the ServiceEntry default) never gets auto mTLS"
    });
  }
  const passthrough = entry.passthrough || group2?.trafficPolicy?.loadBalancerSimple === "PASSTHROUGH";
  if (passthrough) {
    const endpoints2 = deps.endpoints(exposure);
    const disabled = endpoints2.find(
      (e) => deps.decision(e.workload).endpointTlsMode === "disabled"
    );
    if (endpoints2.length === 0 || disabled !== void 0) {
      return off(
        "a passthrough service needs every endpoint to have a sidecar",
        noteEvidence(
          disabled === void 0 ? "passthrough service without endpoints: auto mTLS is off" : `endpoint ${quote(disabled.workload.id)} has no sidecar: auto mTLS is all-or-nothing for passthrough services`
        )
      );
    }
  }
  const gate = deps.namespaceMode(entry.namespace);
  if (gate === "DISABLE") {
    const gated = off(
      `namespace ${quote(entry.namespace)} is DISABLE`,
      noteEvidence(
        `service gate: the namespace-level mode of ${quote(entry.namespace)} is DISABLE (workload policies are not consulted, istio/istio#56084)`
      )
    );
    return { ...gated, gatedOff: true };
  }
  const on = (note) => side(
    "AUTO_MTLS",
    "ISTIO_MUTUAL",
    "auto mTLS sends Istio mTLS",
    [...evidence2, noteEvidence(note)],
    group2
  );
  if (passthrough) return on("passthrough cluster: auto mTLS applies to every endpoint alike");
  return perEndpoint(group2, server, port, exposure, deps, on, off);
}
function perEndpoint(group2, server, port, exposure, deps, on, off) {
  const decision = deps.decision(server);
  if (decision.endpointTlsMode !== "istio") {
    return decision.dataplane === "SIDECAR" ? off(
      `the endpoint is labelled tlsMode=${decision.endpointTlsMode}`,
      noteEvidence(
        `endpoint ${quote(server.id)} has security.istio.io/tlsMode=${decision.endpointTlsMode}`
      )
    ) : off(
      "the endpoint has no sidecar",
      noteEvidence(`endpoint ${quote(server.id)} has no sidecar`)
    );
  }
  const fallback2 = group2?.trafficPolicy?.portLevelSettings.some(
    (p) => p.port === exposure.servicePort
  ) ? group2.trafficPolicy.tls?.mode ?? null : null;
  if (fallback2 !== null) {
    return fallback2 === "ISTIO_MUTUAL" ? on(
      `endpoint check uses the top-level ISTIO_MUTUAL of ${formatRef(group2?.first.ref ?? exposure.entry.ref)}`
    ) : off(
      `the top-level tls ${fallback2} marks endpoints non-mTLS`,
      noteEvidence(
        "the port entry has no tls, so the endpoint check falls back to the top-level mode"
      )
    );
  }
  const mode = deps.peerAuthenticationMode(server, port);
  if (mode === "DISABLE") {
    return off(
      `${quote(server.id)} is DISABLE on port ${port}`,
      noteEvidence(
        `endpoint PeerAuthentication at port ${port} is DISABLE: the endpoint is not sent mTLS`
      )
    );
  }
  return on(`endpoint ${quote(server.id)} has a sidecar and is ${mode} on port ${port}`);
}

// src/analysis/mtls/peer-authentication-index.ts
function hasSelector(policy) {
  return policy.selector !== null && Object.keys(policy.selector.matchLabels).length > 0;
}
function compareAge(a, b) {
  return timeOf(a) - timeOf(b) || compareText(a.ref.name, b.ref.name) || compareText(a.ref.namespace, b.ref.namespace);
}
function timeOf(object) {
  if (object.creationTimestamp === null) return 0;
  const time = Date.parse(object.creationTimestamp);
  return Number.isNaN(time) ? 0 : time;
}
function sameAge(a, b) {
  return timeOf(a) === timeOf(b);
}
function pick(policies) {
  const [chosen, ...ignored] = [...policies].sort(compareAge);
  if (chosen === void 0) return null;
  const next = ignored[0];
  return { chosen, ignored, byName: next !== void 0 && sameAge(chosen, next) };
}
function indexPeerAuthentications(mesh) {
  const rootNamespace = mesh.settings.rootNamespace.value;
  const levelPolicies = /* @__PURE__ */ new Map();
  const workloadByNamespace = /* @__PURE__ */ new Map();
  const ignoredRootSelectors = [];
  for (const policy of mesh.peerAuthentications) {
    const namespace = policy.ref.namespace;
    if (!hasSelector(policy)) push(levelPolicies, namespace, policy);
    else if (namespace === rootNamespace) ignoredRootSelectors.push(policy);
    else push(workloadByNamespace, namespace, policy);
  }
  for (const list of workloadByNamespace.values()) list.sort(compareAge);
  const picks = /* @__PURE__ */ new Map();
  for (const [namespace, list] of levelPolicies) picks.set(namespace, pick(list));
  const meshPick = picks.get(rootNamespace) ?? null;
  const namespaceMode = (namespace) => {
    const meshMode = meshPick === null ? "UNKNOWN" : meshPick.chosen.mode === "UNSET" ? "PERMISSIVE" : meshPick.chosen.mode;
    const own = namespace === rootNamespace ? null : picks.get(namespace) ?? null;
    if (own === null) return meshMode;
    if (own.chosen.mode !== "UNSET") return own.chosen.mode;
    return meshMode === "UNKNOWN" ? "PERMISSIVE" : meshMode;
  };
  return {
    rootNamespace,
    mesh: meshPick,
    namespacePolicy: (namespace) => namespace === rootNamespace ? null : picks.get(namespace) ?? null,
    workloadPolicies: (namespace, labels) => (workloadByNamespace.get(namespace) ?? []).filter(
      (policy) => selects(policy.selector?.matchLabels ?? {}, labels)
    ),
    workloadCandidates: (namespace) => workloadByNamespace.get(namespace) ?? [],
    ignoredRootSelectors: ignoredRootSelectors.sort(compareAge),
    namespaceMode,
    namespacesWithPolicy: [...picks.keys()].filter((n) => n !== rootNamespace).sort(compareText)
  };
}
function push(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// src/analysis/mtls/sidecar-scope.ts
function indexSidecars(mesh) {
  const root = mesh.settings.rootNamespace.value;
  const withSelector = /* @__PURE__ */ new Map();
  const defaults2 = /* @__PURE__ */ new Map();
  for (const sidecar of [...mesh.sidecars].sort(compareAge)) {
    const namespace = sidecar.ref.namespace;
    if (sidecar.workloadSelector !== null) {
      withSelector.set(namespace, [...withSelector.get(namespace) ?? [], sidecar]);
    } else if (!defaults2.has(namespace)) defaults2.set(namespace, sidecar);
  }
  const rootDefault = defaults2.get(root) ?? null;
  return {
    sidecarFor(namespace, labels) {
      const selected3 = (withSelector.get(namespace) ?? []).find(
        (s) => selects(s.workloadSelector?.matchLabels ?? {}, labels)
      );
      return selected3 ?? defaults2.get(namespace) ?? rootDefault;
    },
    namespaces: /* @__PURE__ */ new Set([...withSelector.keys(), ...defaults2.keys()]),
    rootDefaultIsRelative: rootDefault?.egress.some((e) => e.hosts.some((h) => h.value.startsWith("./"))) ?? false,
    rootDefault
  };
}
function sidecarImports(sidecar, namespace, entry, port) {
  if (sidecar === null || sidecar.egress.length === 0) return true;
  return sidecar.egress.some(
    (listener) => (listener.port === null || listener.port === port) && listener.hosts.some((host) => importsHost(host.value, namespace, entry))
  );
}
function importsHost(pattern, namespace, entry) {
  const slash = pattern.indexOf("/");
  const ns = slash < 0 ? "*" : pattern.slice(0, slash);
  const dns = slash < 0 ? pattern : pattern.slice(slash + 1);
  const namespaceMatches = ns === "*" || (ns === "." ? entry.namespace === namespace : ns !== "~" && ns === entry.namespace);
  if (!namespaceMatches) return false;
  if (dns === "*") return true;
  if (dns.startsWith("*.")) return entry.host.endsWith(dns.slice(1));
  return dns === entry.host;
}

// src/analysis/mtls/client-scope.ts
function fromZtunnel(server) {
  if (server.dataplane === "AMBIENT") {
    return side("HBONE", "ISTIO_MUTUAL", "ztunnel tunnels the call with mTLS (HBONE)", [
      noteEvidence("ambient to ambient: ztunnel to ztunnel over HBONE")
    ]);
  }
  if (server.dataplane === "SIDECAR" && !server.gateway) {
    return {
      ...side("HBONE", "ISTIO_MUTUAL", "ztunnel tunnels the call to the sidecar (HBONE)", [
        noteEvidence(
          "assumes the ambient profile, where injected sidecars accept HBONE; without it ztunnel sends plaintext"
        )
      ]),
      exact: false
    };
  }
  return side("PASSTHROUGH", "DISABLE", "ztunnel passes the call through in plaintext", [
    noteEvidence("the destination has no HBONE-capable proxy: ztunnel sends plaintext")
  ]);
}
function outsideScope(context, exposure, deps) {
  let why = null;
  if (exposure === null) {
    why = noteEvidence(
      "no Service exposes this port: a direct pod-IP call leaves through the passthrough cluster"
    );
  } else if (!hostVisibleTo(exposure.entry, context.namespace)) {
    why = {
      ref: exposure.entry.ref,
      at: exposure.entry.at,
      note: `${formatRef(exposure.entry.ref)} is not exported to the client's namespace`
    };
  } else if (context.kind === "sidecar" && !sidecarImports(context.sidecar, context.namespace, exposure.entry, exposure.servicePort)) {
    const sidecar = context.sidecar;
    why = sidecar === null ? noteEvidence("outside the Sidecar egress scope") : objectEvidence(
      sidecar,
      `egress hosts do not import ${quote(`${exposure.entry.host}:${exposure.servicePort}`)}`,
      egressListenerAt(sidecar, exposure.servicePort)
    );
  }
  if (why === null) return null;
  const policy = context.sidecar?.outboundTrafficPolicy ?? deps.outboundTrafficPolicy;
  if (policy === "REGISTRY_ONLY") {
    return side("BLOCKED", "DISABLE", "the client proxy drops the call (REGISTRY_ONLY)", [
      why,
      noteEvidence(
        "outboundTrafficPolicy REGISTRY_ONLY: unknown destinations go to the BlackHoleCluster"
      )
    ]);
  }
  return side(
    "PASSTHROUGH",
    "DISABLE",
    "the call leaves through the passthrough cluster in plaintext",
    [why, noteEvidence("outboundTrafficPolicy ALLOW_ANY: the PassthroughCluster has no TLS")]
  );
}
function egressListenerAt(sidecar, port) {
  const listener = sidecar.egress.find((e) => e.port === port) ?? sidecar.egress.find((e) => e.port === null) ?? sidecar.egress[0];
  return listener?.at ?? sidecar.source;
}

// src/analysis/mtls/client-tls.ts
function resolveClient(context, exposure, deps, groupId) {
  if (context.kind === "plaintext")
    return { key: "plaintext", context, decided: NO_PROXY, lookup: null };
  if (context.kind === "ambient") return { key: "ambient", context, decided: null, lookup: null };
  const outside = outsideScope(context, exposure, deps);
  if (outside !== null || exposure === null) {
    const sidecar = context.sidecar === null ? "" : `${context.sidecar.ref.namespace}/${context.sidecar.ref.name}`;
    const where = context.kind === "sidecar" ? sidecar : context.kind;
    const why = exposure === null ? "direct" : hostVisibleTo(exposure.entry, context.namespace) ? "scope" : "hidden";
    const key = `outside|${where}|${outside?.mode ?? ""}|${why}`;
    return { key, context, decided: outside, lookup: null };
  }
  const { entry } = exposure;
  const lookup = deps.destinationRules.lookup(
    context.namespace,
    context.labels,
    entry.host,
    entry.namespace
  );
  const chosen = lookup.chosen === null ? "-" : groupId(lookup.chosen);
  const shadow = lookup.chosen === null && lookup.found[0] ? groupId(lookup.found[0]) : "-";
  return {
    key: `${context.kind}|${chosen}|${shadow}|${lookup.step}`,
    context,
    decided: null,
    lookup
  };
}
function completeClient(resolution, server, port, exposure, deps) {
  if (resolution.decided !== null) return resolution.decided;
  const serverDecision = deps.decision(server);
  if (resolution.context.kind === "ambient") return fromZtunnel(serverDecision);
  if (exposure === null || resolution.lookup === null)
    throw new Error("unreachable: unresolved client");
  if (serverDecision.dataplane === "AMBIENT") {
    return {
      ...side("HBONE", "ISTIO_MUTUAL", "the client sidecar tunnels the call to ztunnel (HBONE)", [
        noteEvidence(
          "assumes the ambient profile, where sidecars send HBONE to ambient workloads; without it this hop is plaintext"
        )
      ]),
      exact: false
    };
  }
  return fromDestinationRule(resolution.context, resolution.lookup, server, port, exposure, deps);
}
function portTls(policy, servicePort) {
  const entry = policy?.portLevelSettings.find((p) => p.port === servicePort);
  if (entry !== void 0) return { tls: entry.tls, portEntry: true };
  return { tls: policy?.tls ?? null, portEntry: false };
}
function fromDestinationRule(context, lookup, server, port, exposure, deps) {
  const { entry, servicePort } = exposure;
  const group2 = lookup.chosen;
  const evidence2 = [];
  if (group2 === null && lookup.found.length > 0) {
    const shadow = lookup.found[0]?.first;
    if (shadow)
      evidence2.push(
        objectEvidence(
          shadow,
          `the ${lookup.step} has only DestinationRules for other workloads for ${quote(entry.host)}: none applies to this client`
        )
      );
  }
  const { tls, portEntry } = portTls(group2?.trafficPolicy ?? null, servicePort);
  const source = group2?.trafficPolicyFrom ?? group2?.first ?? null;
  let result;
  if (group2 !== null && source !== null && tls !== null) {
    result = explicitTls(context, group2, source, tls, servicePort, portEntry, lookup.step);
  } else {
    if (group2 !== null) {
      evidence2.push(
        objectEvidence(
          group2.first,
          `DestinationRule (${lookup.step}) sets no TLS for port ${servicePort}: auto mTLS`
        )
      );
    }
    result = autoMtls(group2, server, port, exposure, deps, evidence2);
  }
  return subsetCheck(result, group2, server, servicePort);
}
function explicitTls(context, group2, source, tls, servicePort, portEntry, step) {
  const where = `${portEntry ? `port ${servicePort} ` : ""}(${step})`;
  const ref = formatRef(source.ref);
  const evidence2 = [
    objectEvidence(
      source,
      tls.modeWritten ? `tls mode ${tls.mode} ${where}` : `\`tls\` without \`mode\` is DISABLE ${where}, and turns auto mTLS off`,
      tls.at
    )
  ];
  const privileged = tls.credentialName !== null && !tls.credentialName.startsWith("configmap://");
  if ((tls.mode === "SIMPLE" || tls.mode === "MUTUAL") && privileged && context.kind === "sidecar" && group2.first.workloadSelector === null) {
    evidence2.push(
      objectEvidence(
        source,
        "`credentialName` without `workloadSelector` is ignored on sidecars: no TLS is originated",
        tls.at
      )
    );
    return side(
      tls.mode,
      "DISABLE",
      `${ref} sets ${tls.mode} with a credentialName the sidecar ignores, so it sends plaintext`,
      evidence2,
      group2
    );
  }
  const phrase = tls.mode === "ISTIO_MUTUAL" ? `${ref} sets ISTIO_MUTUAL` : tls.mode === "DISABLE" ? `${ref} disables TLS` : `${ref} originates ${tls.mode} TLS with its own certificates`;
  return side(tls.mode, tls.mode, phrase, evidence2, group2);
}
function subsetCheck(result, group2, server, servicePort) {
  if (group2 === null) return result;
  const differing = group2.subsets.filter((subset) => {
    if (!selects(subset.labels, server.workload.podLabels)) return false;
    const tls = portTls(subset.trafficPolicy, servicePort).tls;
    return tls !== null && tls.mode !== result.mode;
  });
  if (differing.length === 0) return result;
  return {
    ...result,
    exact: false,
    evidence: [
      ...result.evidence,
      ...differing.map(
        (s) => objectEvidence(
          group2.first,
          `subset ${quote(s.name)} sets another TLS mode; it applies when a VirtualService routes to it (not modelled)`,
          s.at
        )
      )
    ]
  };
}

// src/analysis/mtls/destination-rule-index.ts
var HostTable = class {
  specific = /* @__PURE__ */ new Map();
  wildcard = /* @__PURE__ */ new Map();
  ordered = null;
  add(host, rule, exportTo) {
    const map = host.startsWith("*") ? this.wildcard : this.specific;
    map.set(host, merge(map.get(host) ?? [], host, rule, exportTo));
    this.ordered = null;
  }
  /** `MostSpecificHostMatch` (`pilot/pkg/model/config.go`). */
  match(needle) {
    if (needle.startsWith("*")) {
      const exact = this.wildcard.get(needle);
      if (exact) return exact;
      return this.wildcardMatch(needle.slice(1));
    }
    return this.specific.get(needle) ?? this.wildcardMatch(needle);
  }
  /** Longest wildcard first, then alphabetical: `host.MoreSpecific` is a total order on them. */
  wildcardMatch(needle) {
    this.ordered ??= [...this.wildcard.keys()].sort(
      (a, b) => b.length - a.length || compareText(a, b)
    );
    for (const host of this.ordered)
      if (needle.endsWith(host.slice(1))) return this.wildcard.get(host) ?? null;
    return null;
  }
  groups() {
    return [...this.specific.values(), ...this.wildcard.values()].flat();
  }
};
function merge(groups, host, rule, exportTo) {
  let appendSeparately = true;
  const out = groups.map((group2) => {
    if (setsEqual(exportTo, group2.exportTo)) appendSeparately = false;
    else {
      appendSeparately = true;
      if (!(group2.exportTo.size > 0 && isSuperset(exportTo, group2.exportTo))) return group2;
    }
    const existing = group2.first.workloadSelector;
    const incoming = rule.workloadSelector;
    const bothWith = existing !== null && incoming !== null;
    const selectorsMatch = labelsEqual(existing?.matchLabels ?? {}, incoming?.matchLabels ?? {});
    if (bothWith && !selectorsMatch) {
      appendSeparately = true;
      return group2;
    }
    if (existing === null && incoming === null || bothWith && selectorsMatch)
      appendSeparately = false;
    const names = new Set(group2.subsets.map((s) => s.name));
    const adopt = group2.trafficPolicy === null && rule.trafficPolicy !== null;
    return {
      ...group2,
      members: [...group2.members, rule],
      subsets: [...group2.subsets, ...rule.subsets.filter((s) => !names.has(s.name))],
      trafficPolicy: adopt ? rule.trafficPolicy : group2.trafficPolicy,
      trafficPolicyFrom: adopt ? rule : group2.trafficPolicyFrom
    };
  });
  if (appendSeparately) out.push(newGroup(host, rule, exportTo));
  return out;
}
function newGroup(host, rule, exportTo) {
  return {
    host,
    first: rule,
    members: [rule],
    exportTo,
    trafficPolicy: rule.trafficPolicy,
    trafficPolicyFrom: rule.trafficPolicy === null ? null : rule,
    subsets: rule.subsets
  };
}
function resolveHost(host, namespace) {
  if (host === "*" || host.includes(".") || host.includes(":")) return host;
  return `${host}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}
function compareRules(a, b) {
  const selector = (r) => r.workloadSelector === null ? 1 : 0;
  return selector(a) - selector(b) || compareAge(a, b);
}
function indexDestinationRules(mesh) {
  const root = mesh.settings.rootNamespace.value;
  const defaultPrivate = (mesh.settings.defaultDestinationRuleExportTo.value ?? []).includes(".");
  const local = /* @__PURE__ */ new Map();
  const exported = /* @__PURE__ */ new Map();
  const rootLocal = new HostTable();
  const selectorRules = /* @__PURE__ */ new Map();
  const namedInExportTo = /* @__PURE__ */ new Set();
  const exportSetOf = /* @__PURE__ */ new Map();
  const rules = [...mesh.destinationRules].filter((r) => r.host.value !== "").sort(compareRules);
  for (const rule of rules) {
    const namespace = rule.ref.namespace;
    const host = resolveHost(rule.host.value, namespace);
    const exportTo = rule.workloadSelector === null ? new Set(rule.exportTo ?? []) : /* @__PURE__ */ new Set(["."]);
    exportSetOf.set(rule, exportTo);
    for (const name of exportTo)
      if (![".", "*", "~", namespace].includes(name)) namedInExportTo.add(name);
    if (rule.workloadSelector !== null) push2(selectorRules, namespace, rule);
    if (exportTo.size === 0 || exportTo.has("*") || exportTo.has(".") || exportTo.has(namespace))
      tableOf(local, namespace).add(host, rule, exportTo);
    const privateOnly = exportTo.size === 0 && defaultPrivate || exportTo.size === 1 && (exportTo.has(".") || exportTo.has(namespace));
    if (!privateOnly) tableOf(exported, namespace).add(host, rule, exportTo);
    else if (namespace === root) rootLocal.add(host, rule, exportTo);
  }
  const visible = (group2, client) => group2.exportTo.size === 0 || group2.exportTo.has("*") || group2.exportTo.has(client);
  const exportedFrom = (owner, host, client) => (exported.get(owner)?.match(host) ?? []).filter((g) => visible(g, client));
  return {
    lookup(client, labels, host, hostNamespace) {
      const first2 = client === root ? rootLocal.match(host) : local.get(client)?.match(host) ?? null;
      if (first2 !== null) return choose(first2, "client namespace", client, labels);
      const fromService = exportedFrom(hostNamespace, host, client);
      if (fromService.length > 0) return choose(fromService, "service namespace", client, labels);
      const fromRoot = exportedFrom(root, host, client);
      if (fromRoot.length > 0) return choose(fromRoot, "root namespace", client, labels);
      return { chosen: null, step: null, found: [] };
    },
    selectingRules: (namespace, labels) => (selectorRules.get(namespace) ?? []).filter(
      (r) => selects(r.workloadSelector?.matchLabels ?? {}, labels)
    ),
    localGroups: (namespace) => (namespace === root ? rootLocal : local.get(namespace))?.groups() ?? [],
    resolvedHost: (rule) => resolveHost(rule.host.value, rule.ref.namespace),
    namedInExportTo,
    exportedToAll(rule) {
      const set2 = exportSetOf.get(rule) ?? /* @__PURE__ */ new Set();
      return set2.size === 0 && !defaultPrivate || set2.has("*");
    }
  };
}
function choose(found, step, client, labels) {
  let catchAll = null;
  for (const group2 of found) {
    const selector = group2.first.workloadSelector;
    if (selector === null) catchAll = group2;
    else if (group2.first.ref.namespace === client && selects(selector.matchLabels, labels))
      return { chosen: group2, step, found };
  }
  return { chosen: catchAll, step, found };
}
function tableOf(map, namespace) {
  let table2 = map.get(namespace);
  if (table2 === void 0) {
    table2 = new HostTable();
    map.set(namespace, table2);
  }
  return table2;
}
function push2(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
function setsEqual(a, b) {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
function isSuperset(a, b) {
  return [...b].every((x) => a.has(x));
}
function labelsEqual(a, b) {
  const keys2 = Object.keys(a);
  return keys2.length === Object.keys(b).length && keys2.every((k) => a[k] === b[k]);
}
function ruleHostMatches(ruleHost, host) {
  if (ruleHost === host) return true;
  if (!ruleHost.startsWith("*")) return false;
  const needle = host.startsWith("*") ? host.slice(1) : host;
  return needle.endsWith(ruleHost.slice(1));
}

// src/analysis/mtls/effective-mode.ts
function composeWorkloadMode(index, namespace, labels) {
  let mode = "PERMISSIVE";
  let level = "default";
  const evidence2 = [];
  const meshPolicy = index.mesh?.chosen ?? null;
  if (meshPolicy !== null) {
    if (meshPolicy.mode === "UNSET") {
      evidence2.push(describe3(meshPolicy, "mesh-wide policy without a mode: PERMISSIVE"));
    } else {
      mode = meshPolicy.mode;
      level = "mesh";
      evidence2.push(describe3(meshPolicy, `mesh-wide ${mode}`));
    }
  }
  const namespacePolicy = index.namespacePolicy(namespace)?.chosen ?? null;
  if (namespacePolicy !== null) {
    if (namespacePolicy.mode === "UNSET") {
      evidence2.push(
        describe3(namespacePolicy, `namespace-wide policy without a mode: inherits ${mode}`)
      );
    } else {
      mode = namespacePolicy.mode;
      level = "namespace";
      evidence2.push(describe3(namespacePolicy, `namespace-wide ${mode}`));
    }
  }
  const [workloadPolicy = null, ...ignoredWorkloadPolicies] = namespace === index.rootNamespace ? [] : index.workloadPolicies(namespace, labels);
  if (workloadPolicy !== null) {
    if (workloadPolicy.mode === "UNSET") {
      evidence2.push(describe3(workloadPolicy, `workload policy without a mode: inherits ${mode}`));
    } else {
      mode = workloadPolicy.mode;
      level = "workload";
      evidence2.push(describe3(workloadPolicy, `workload policy ${mode}`));
    }
  }
  if (evidence2.length === 0) {
    evidence2.push(noteEvidence("no PeerAuthentication applies: Istio defaults to PERMISSIVE"));
  }
  const perPort = /* @__PURE__ */ new Map();
  for (const entry of workloadPolicy?.portLevelMtls ?? []) {
    const inherited = entry.mode === "UNSET";
    perPort.set(entry.port, { mode: inherited ? mode : entry.mode, inherited, at: entry.at });
  }
  return { mode, level, evidence: evidence2, workloadPolicy, ignoredWorkloadPolicies, perPort };
}
function describe3(policy, note) {
  return objectEvidence(policy, note, policy.modeAt);
}
function modeAtPort(composition, port) {
  return composition.perPort.get(port)?.mode ?? composition.mode;
}
var EXCLUDE_PORTS = "traffic.sidecar.istio.io/excludeInboundPorts";
var INCLUDE_PORTS = "traffic.sidecar.istio.io/includeInboundPorts";
function serverPortMode(workload, decision, composition, port) {
  const exact = decision.exact;
  if (decision.dataplane === "NO_SIDECAR") {
    return { mode: "NO_SIDECAR", level: "no-sidecar", exact, evidence: decision.evidence };
  }
  if (decision.gateway) {
    return { mode: "DISABLE", level: "gateway", exact, evidence: decision.evidence };
  }
  if (decision.dataplane === "SIDECAR") {
    const bypass = captureBypass(workload, port);
    if (bypass !== null) {
      return { mode: "NO_SIDECAR", level: "no-sidecar", exact, evidence: [bypass] };
    }
  }
  const entry = composition.perPort.get(port);
  let mode = entry?.mode ?? composition.mode;
  const level = entry === void 0 || entry.inherited ? composition.level : "port";
  const evidence2 = [...composition.evidence];
  if (entry !== void 0 && composition.workloadPolicy !== null) {
    evidence2.push(
      objectEvidence(
        composition.workloadPolicy,
        entry.inherited ? `port ${port} without a mode: inherits ${mode}` : `port-level ${mode} on container port ${port}`,
        entry.at
      )
    );
  }
  if (decision.dataplane === "AMBIENT") {
    evidence2.push(...decision.evidence);
    if (mode === "DISABLE") {
      mode = "PERMISSIVE";
      evidence2.push(noteEvidence("ambient ignores DISABLE: ztunnel accepts plaintext and mTLS"));
    }
  }
  return { mode, level, exact, evidence: evidence2 };
}
function captureBypass(workload, port) {
  const excluded = portList(workload.podAnnotations[EXCLUDE_PORTS]);
  if (excluded?.has(String(port))) {
    return objectEvidence(
      workload,
      `port ${port} is excluded from capture (${EXCLUDE_PORTS}): the sidecar never sees it`,
      workload.podLabelsAt
    );
  }
  const included = portList(workload.podAnnotations[INCLUDE_PORTS]);
  if (included !== null && !included.has("*") && !included.has(String(port))) {
    return objectEvidence(
      workload,
      `port ${port} is not in ${INCLUDE_PORTS}: the sidecar never sees it`,
      workload.podLabelsAt
    );
  }
  return null;
}
function portList(value) {
  if (value === void 0) return null;
  return new Set(
    value.split(",").map((p) => p.trim()).filter((p) => p !== "")
  );
}

// src/analysis/mtls/injection.ts
var INJECTION = "istio-injection";
var REVISION = "istio.io/rev";
var INJECT = "sidecar.istio.io/inject";
var STATUS = "sidecar.istio.io/status";
var TLS_MODE = "security.istio.io/tlsMode";
var DATAPLANE_MODE = "istio.io/dataplane-mode";
var REDIRECTION = "ambient.istio.io/redirection";
var TEMPLATES = "inject.istio.io/templates";
var GATEWAY_NAME = "gateway.networking.k8s.io/gateway-name";
var IGNORED_NAMESPACES = /* @__PURE__ */ new Set([
  "kube-system",
  "kube-public",
  "kube-node-lease",
  "local-path-storage"
]);
function decideInjection(workload, namespace) {
  const injection = sidecarInjection(workload, namespace);
  const podLabel = workload.podLabels[TLS_MODE];
  if (injection.injected) {
    const gateway = isGateway(workload);
    const evidence2 = gateway ? [
      ...injection.evidence,
      objectEvidence(
        workload,
        "gateway proxy (injection template `gateway`): Gateway listeners, not PeerAuthentication, decide what it accepts",
        workload.podLabelsAt
      )
    ] : injection.evidence;
    const endpointTlsMode2 = podLabel ?? (gateway ? "disabled" : "istio");
    return {
      dataplane: "SIDECAR",
      gateway,
      endpointTlsMode: endpointTlsMode2,
      exact: injection.exact,
      evidence: withTlsModeNote(workload, evidence2, podLabel)
    };
  }
  const ambient = ambientEnrollment(workload, namespace);
  const endpointTlsMode = podLabel ?? "disabled";
  if (ambient !== null) {
    return {
      dataplane: "AMBIENT",
      gateway: false,
      endpointTlsMode,
      exact: injection.exact,
      evidence: [...injection.evidence, ambient]
    };
  }
  return {
    dataplane: "NO_SIDECAR",
    gateway: false,
    endpointTlsMode,
    exact: injection.exact,
    evidence: withTlsModeNote(workload, injection.evidence, podLabel)
  };
}
function withTlsModeNote(workload, evidence2, podLabel) {
  if (podLabel === void 0) return evidence2;
  return [
    ...evidence2,
    objectEvidence(
      workload,
      `pod label ${labelText(TLS_MODE, podLabel)} is kept by the injector and read by auto mTLS`,
      workload.podLabelsAt
    )
  ];
}
function sidecarInjection(workload, namespace) {
  const pod = (note) => objectEvidence(workload, note, workload.podLabelsAt);
  if (workload.hostNetwork) {
    return no(true, [pod("hostNetwork pods are never injected (`injectRequired`)")]);
  }
  if (workload.podAnnotations[STATUS] !== void 0) {
    return yes(true, [pod(`pod annotation ${STATUS} says the sidecar is already injected`)]);
  }
  const name = workload.ref.namespace;
  if (IGNORED_NAMESPACES.has(name)) {
    return no(true, [noteEvidence(`namespace ${quote(name)} is never injected`)]);
  }
  const podInject = workload.podLabels[INJECT];
  if (namespace === void 0) return assumedNamespace(workload, name, podInject);
  const webhook = webhookInvoked(namespace.labels, workload.podLabels);
  const nsNote = webhook.byPod ? objectEvidence(workload, webhook.note, workload.podLabelsAt) : objectEvidence(namespace, webhook.note, namespace.labelsAt);
  if (!webhook.invoked) return no(true, [nsNote]);
  return injectRequired(workload, [nsNote]);
}
function assumedNamespace(workload, name, podInject) {
  if (workload.podLabels[DATAPLANE_MODE] === "ambient" && podInject !== "true") {
    return no(false, [
      noteEvidence(
        `namespace ${quote(name)} is not in the manifests: assumed not labelled for injection, as the pod opts into ambient`
      )
    ]);
  }
  if (podInject === "false") {
    return no(true, [
      objectEvidence(
        workload,
        `pod label ${INJECT}=false: no injection webhook selects the pod`,
        workload.podLabelsAt
      )
    ]);
  }
  const assumed = noteEvidence(
    `namespace ${quote(name)} is not in the manifests: assumed labelled ${INJECTION}=enabled`
  );
  const decided = injectRequired(workload, [assumed]);
  return { ...decided, exact: false };
}
function webhookInvoked(namespaceLabels, podLabels) {
  const injection = namespaceLabels[INJECTION];
  const revision = namespaceLabels[REVISION];
  const optOut = podLabels[INJECT] === "false";
  if (injection !== void 0) {
    const invoked = injection === "enabled" && !optOut;
    return {
      invoked,
      byPod: injection === "enabled" && optOut,
      note: invoked ? `namespace label ${labelText(INJECTION, injection)}` : injection === "enabled" ? `namespace label ${INJECTION}=enabled, but pod label ${INJECT}=false` : `namespace label ${labelText(INJECTION, injection)}: no injection webhook matches`
    };
  }
  if (revision !== void 0) {
    return {
      invoked: !optOut,
      byPod: optOut,
      note: optOut ? `namespace label ${REVISION}=${revision}, but pod label ${INJECT}=false` : `namespace label ${REVISION}=${revision} (revision webhook)`
    };
  }
  const podRevision = podLabels[REVISION];
  if (podRevision !== void 0 && !optOut) {
    return {
      invoked: true,
      byPod: true,
      note: `pod label ${REVISION}=${podRevision} (revision webhook)`
    };
  }
  if (podLabels[INJECT] === "true" && podRevision === void 0) {
    return { invoked: true, byPod: true, note: `pod label ${INJECT}=true` };
  }
  return {
    invoked: false,
    byPod: false,
    note: `namespace has neither ${INJECTION} nor ${REVISION}, and the pod does not opt in with a label`
  };
}
function injectRequired(workload, evidence2) {
  const label = workload.podLabels[INJECT];
  const annotation = workload.podAnnotations[INJECT];
  const decider = label ?? annotation;
  const where = label !== void 0 ? "label" : "annotation";
  const pod = (note) => objectEvidence(workload, note, workload.podLabelsAt);
  if (decider === "false") return no(true, [pod(`pod ${where} ${INJECT}=false`), ...evidence2]);
  if (decider === "true") return yes(true, [...evidence2, pod(`pod ${where} ${INJECT}=true`)]);
  return yes(true, evidence2);
}
function ambientEnrollment(workload, namespace) {
  if (workload.hostNetwork) return null;
  if (workload.podAnnotations[REDIRECTION] === "enabled") {
    return objectEvidence(
      workload,
      `pod annotation ${REDIRECTION}=enabled: captured by ztunnel`,
      workload.podLabelsAt
    );
  }
  const podMode = workload.podLabels[DATAPLANE_MODE];
  if (podMode !== void 0) {
    return podMode === "ambient" ? objectEvidence(workload, `pod label ${DATAPLANE_MODE}=ambient`, workload.podLabelsAt) : null;
  }
  if (namespace?.labels[DATAPLANE_MODE] === "ambient") {
    return objectEvidence(
      namespace,
      `namespace label ${DATAPLANE_MODE}=ambient`,
      namespace.labelsAt
    );
  }
  return null;
}
function isGateway(workload) {
  const templates = workload.podAnnotations[TEMPLATES] ?? "";
  return templates.split(",").some((t) => t.trim() === "gateway") || workload.podLabels[GATEWAY_NAME] !== void 0;
}
function yes(exact, evidence2) {
  return { injected: true, exact, evidence: evidence2 };
}
function no(exact, evidence2) {
  return { injected: false, exact, evidence: evidence2 };
}
var CANONICAL_NAME = "service.istio.io/canonical-name";
var CANONICAL_REVISION = "service.istio.io/canonical-revision";
function proxyLabels(workload, decision) {
  if (decision.dataplane !== "SIDECAR") return workload.podLabels;
  const labels = workload.podLabels;
  return {
    ...labels,
    [CANONICAL_NAME]: labels[CANONICAL_NAME] ?? labels["app.kubernetes.io/name"] ?? labels["app"] ?? workload.ref.name,
    [CANONICAL_REVISION]: labels[CANONICAL_REVISION] ?? labels["app.kubernetes.io/version"] ?? labels["version"] ?? "latest",
    ...decision.gateway ? {} : { [TLS_MODE]: decision.endpointTlsMode }
  };
}

// src/analysis/mtls/transport.ts
function combine(client, server, chain) {
  const serverPhrase = describeServer(server);
  const outcome = (transport, why, dependsOnApplication = false) => ({
    transport,
    reason: `${client.phrase}; ${why}`,
    dependsOnApplication
  });
  if (client.mode === "BLOCKED") return outcome("broken", "the call never leaves the client");
  const sent = client.effective;
  if (server.mode === "NO_SIDECAR") {
    if (sent === "ISTIO_MUTUAL")
      return outcome("broken", `${serverPhrase}, so nothing terminates the Istio mTLS`);
    if (sent === "DISABLE")
      return outcome("plaintext", `${serverPhrase}: plaintext, no peer identity`);
    return outcome("plaintext", `${serverPhrase}: the application must terminate the TLS`, true);
  }
  if (server.mode === "STRICT") {
    if (sent === "ISTIO_MUTUAL")
      return outcome("mtls", `${serverPhrase} accepts it with the peer's identity`);
    if (sent === "DISABLE") return outcome("broken", `${serverPhrase} rejects plaintext`);
    return outcome("broken", `${serverPhrase} rejects TLS that is not Istio mTLS`);
  }
  if (server.mode === "PERMISSIVE") {
    if (sent === "ISTIO_MUTUAL")
      return outcome("mtls", `${serverPhrase} accepts it with the peer's identity`);
    if (sent === "DISABLE")
      return outcome("plaintext", `${serverPhrase} accepts plaintext, with no peer identity`);
    if (chain === "http")
      return outcome(
        "broken",
        `${serverPhrase} has no filter chain for foreign TLS on an HTTP port`
      );
    return outcome(
      "plaintext",
      `${serverPhrase} passes the TLS through to the application as TCP`,
      true
    );
  }
  if (sent === "DISABLE")
    return outcome("plaintext", `${serverPhrase} accepts plaintext, with no peer identity`);
  if (sent === "ISTIO_MUTUAL") {
    return outcome(
      "broken",
      chain === "http" ? `${serverPhrase} does not terminate mTLS: protocol error on an HTTP port` : `${serverPhrase} does not terminate mTLS: the application receives TLS bytes`
    );
  }
  if (chain === "http")
    return outcome("broken", `${serverPhrase}: foreign TLS on an HTTP port is a protocol error`);
  return outcome("plaintext", `${serverPhrase} passes the TLS through to the application`, true);
}
function describeServer(server) {
  switch (server.level) {
    case "no-sidecar":
      return "the server port has no sidecar";
    case "gateway":
      return "the gateway listener (PeerAuthentication does not apply)";
    case "default":
      return `the ${server.mode} port (Istio's default)`;
    case "port":
      return `the ${server.mode} port (port-level policy)`;
    case "workload":
      return `the ${server.mode} port (workload policy)`;
    default:
      return `the ${server.mode} port (${server.level}-wide policy)`;
  }
}

// src/analysis/mtls/evaluate.ts
var internalsByEvaluation = /* @__PURE__ */ new WeakMap();
function internalsOf(evaluation, mesh, topology) {
  return internalsByEvaluation.get(evaluation) ?? build2(mesh, topology, {}).internals;
}
function evaluateMtls(mesh, topology, options = {}) {
  const { evaluation, internals } = build2(mesh, topology, options);
  internalsByEvaluation.set(evaluation, internals);
  return evaluation;
}
function build2(mesh, topology, options) {
  const settings = mesh.settings;
  const peerAuthentications = indexPeerAuthentications(mesh);
  const destinationRules = indexDestinationRules(mesh);
  const sidecars = indexSidecars(mesh);
  const hosts = buildHostRegistry(topology);
  const grouped = namespaceDistinguisher({ mesh, hosts, destinationRules, sidecars });
  const distinguished = options.classPerCaller === true ? () => true : grouped;
  const decisions = memo(
    (w) => decideInjection(w.workload, topology.namespaceObjects.get(w.namespace))
  );
  const labels = memo((w) => proxyLabels(w.workload, decisions(w)));
  const compositions = memo(
    (w) => composeWorkloadMode(peerAuthentications, w.namespace, labels(w))
  );
  const portModes = /* @__PURE__ */ new Map();
  const serverMode = (w, port) => {
    let byPort = portModes.get(w);
    if (byPort === void 0) portModes.set(w, byPort = /* @__PURE__ */ new Map());
    let mode = byPort.get(port);
    if (mode === void 0)
      byPort.set(port, mode = serverPortMode(w.workload, decisions(w), compositions(w), port));
    return mode;
  };
  const endpointCache = /* @__PURE__ */ new Map();
  const deps = {
    hosts,
    destinationRules,
    enableAutoMtls: settings.enableAutoMtls.value,
    outboundTrafficPolicy: settings.outboundTrafficPolicy.value,
    decision: decisions,
    peerAuthenticationMode: (w, port) => modeAtPort(compositions(w), port),
    namespaceMode: (namespace) => peerAuthentications.namespaceMode(namespace),
    endpoints(exposure) {
      const key = `${exposure.entry.ref.kind}/${exposure.entry.namespace}/${exposure.entry.host}:${exposure.servicePort}`;
      let list = endpointCache.get(key);
      if (list === void 0)
        endpointCache.set(key, list = hosts.endpoints(exposure.entry, exposure.servicePort));
      return list;
    }
  };
  const contexts = /* @__PURE__ */ new Map();
  const intern = (context2) => {
    const known = contexts.get(context2.key);
    if (known) return known;
    contexts.set(context2.key, context2);
    return context2;
  };
  const workloadContexts = memo((w) => {
    const context2 = workloadContext(
      w,
      decisions(w),
      labels(w),
      distinguished,
      destinationRules,
      sidecars
    );
    return intern(
      options.classPerCaller === true ? { ...context2, key: `${context2.key}|${w.id}` } : context2
    );
  });
  const context = (caller) => {
    if (caller.kind === "workload") return workloadContexts(caller.workload);
    if (caller.kind === "unauthenticated") return intern(PLAINTEXT);
    const sidecar = sidecars.rootDefault;
    return intern({
      key: `sidecar|*||${sidecarKey(sidecar)}|`,
      kind: "sidecar",
      namespace: ANY_NAMESPACE,
      labels: {},
      sidecar,
      exact: true
    });
  };
  const serverIndex = new Map(topology.workloads.map((w, i) => [w, i]));
  const groupIds = /* @__PURE__ */ new Map();
  const groupId = (group2) => {
    let id = groupIds.get(group2);
    if (id === void 0) groupIds.set(group2, id = groupIds.size);
    return id;
  };
  const exposureIds = /* @__PURE__ */ new Map();
  const exposureId = (exposure) => {
    const key = exposureKey(exposure);
    let id = exposureIds.get(key);
    if (id === void 0) exposureIds.set(key, id = exposureIds.size);
    return id;
  };
  const edgeCache = /* @__PURE__ */ new Map();
  const edgeIds = /* @__PURE__ */ new Map();
  const edgeFor = (ctx, server, port, exposure) => {
    const resolution = resolveClient(ctx, exposure, deps, groupId);
    const key = `${resolution.key}|${exposureId(exposure)}|${serverIndex.get(server) ?? server.id}|${port}|${ctx.exact}`;
    const cached = edgeCache.get(key);
    if (cached !== void 0) return cached;
    const client = completeClient(resolution, server, port, exposure, deps);
    const mode = serverMode(server, port);
    const chain = server.ports.find((p) => p.port === port)?.chain ?? "auto";
    const outcome = combine(client, mode, chain);
    const edge = {
      transport: outcome.transport,
      peer: null,
      reason: outcome.reason,
      exact: ctx.exact && client.exact && mode.exact,
      client: { mode: client.mode, effective: client.effective, evidence: client.evidence },
      server: mode,
      via: exposure?.entry.ref ?? null,
      servicePort: exposure?.servicePort ?? null,
      destinationRule: client.destinationRule,
      gatedOff: client.gatedOff === true
    };
    edgeCache.set(key, edge);
    edgeIds.set(edge, edgeIds.size);
    return edge;
  };
  const sharedBundles = /* @__PURE__ */ new Map();
  const bundles = /* @__PURE__ */ new Map();
  const bundleFor = (ctx, server, port) => {
    let byPort = bundles.get(ctx);
    if (byPort === void 0) bundles.set(ctx, byPort = /* @__PURE__ */ new Map());
    const slot = (serverIndex.get(server) ?? -1) * 65536 + port;
    let bundle = byPort.get(slot);
    if (bundle === void 0) {
      const exposures = hosts.exposures(server, port);
      const edges2 = (exposures.length === 0 ? [null] : exposures).map(
        (e) => edgeFor(ctx, server, port, e)
      );
      const key = edges2.map((e) => edgeIds.get(e)).join(",");
      bundle = sharedBundles.get(key);
      if (bundle === void 0) {
        const [primary, ...alternatives] = edges2;
        if (primary === void 0) throw new Error("unreachable: no edge");
        sharedBundles.set(key, bundle = { primary, alternatives });
      }
      byPort.set(slot, bundle);
    }
    return bundle;
  };
  const identity = (caller) => {
    const trustDomain = settings.trustDomain.value;
    if (caller.kind === "unauthenticated") return null;
    if (caller.kind === "any-mesh-identity") {
      return {
        principal: ANY_MESH_IDENTITY,
        trustDomain,
        namespace: ANY_MESH_IDENTITY,
        serviceAccount: ANY_MESH_IDENTITY
      };
    }
    const w = caller.workload;
    if (decisions(w).dataplane === "NO_SIDECAR") return null;
    const serviceAccount2 = w.workload.serviceAccountName.value;
    return {
      principal: `${trustDomain}/ns/${w.namespace}/sa/${serviceAccount2}`,
      trustDomain,
      namespace: w.namespace,
      serviceAccount: serviceAccount2
    };
  };
  const withPeer = (caller) => (edge) => edge.transport === "mtls" ? { ...edge, peer: identity(caller) } : edge;
  const edges = (caller, server, port) => {
    const bundle = bundleFor(context(caller), server, port);
    const attach = withPeer(caller);
    return { primary: attach(bundle.primary), alternatives: bundle.alternatives.map(attach) };
  };
  const evaluation = {
    dataplane: decisions,
    serverMode,
    transport(caller, server, port) {
      const { primary, alternatives } = edges(caller, server, port);
      return { ...publicEdge(primary), alternatives: alternatives.map(publicEdge) };
    },
    clientClass: (caller) => context(caller).key,
    identity,
    selectorLabels: labels
  };
  const internals = {
    mesh,
    topology,
    peerAuthentications,
    destinationRules,
    sidecars,
    hosts,
    decision: decisions,
    composition: compositions,
    labels,
    context,
    edges,
    classEdges: (caller, server, port) => bundleFor(context(caller), server, port)
  };
  return { evaluation, internals };
}
function publicEdge(edge) {
  return {
    transport: edge.transport,
    peer: edge.peer,
    reason: edge.reason,
    exact: edge.exact,
    client: edge.client,
    server: edge.server,
    via: edge.via,
    servicePort: edge.servicePort
  };
}
function memo(compute) {
  const cache = /* @__PURE__ */ new Map();
  return (key) => {
    let value = cache.get(key);
    if (value === void 0) cache.set(key, value = compute(key));
    return value;
  };
}
function exposureKey(exposure) {
  return exposure === null ? "direct" : `${exposure.entry.ref.kind}/${exposure.entry.namespace}/${exposure.entry.host}:${exposure.servicePort}`;
}

// src/analysis/mtls/finding.ts
function mtlsFinding(code, params, place2) {
  const entry = catalogue[code];
  const message = entry.message(params);
  return {
    id: `${code}:${place2.subject}`,
    code,
    severity: entry.severity,
    message,
    at: place2.at,
    side: place2.side,
    ...place2.ref ? { ref: place2.ref } : {},
    ...place2.edge ? { edge: place2.edge } : {}
  };
}
function subjectOf(ref) {
  return refKey(ref);
}
var SEVERITY_ORDER2 = { error: 0, warning: 1, notice: 2 };
function sortFindings(findings) {
  const unique = /* @__PURE__ */ new Map();
  for (const finding3 of findings) if (!unique.has(finding3.id)) unique.set(finding3.id, finding3);
  return [...unique.values()].sort(
    (a, b) => SEVERITY_ORDER2[a.severity] - SEVERITY_ORDER2[b.severity] || compareSources(a.at, b.at) || compareText(a.id, b.id)
  );
}

// src/analysis/mtls/findings-edges.ts
function edgeFindings(internals, side2, scope = EVERYTHING) {
  const representatives = classRepresentatives(internals);
  const dirtyClasses = new Set(
    internals.topology.workloads.filter((w) => scope.callers.has(w.id)).map((w) => internals.context({ kind: "workload", id: w.id, workload: w }).key)
  );
  const dirtyRepresentatives = representatives.filter(
    (r) => dirtyClasses.has(internals.context(r.caller).key) || scope.callers.has(r.caller.id)
  );
  const breaksStrict = /* @__PURE__ */ new Map();
  const mtlsNowhere = /* @__PURE__ */ new Map();
  const gated = /* @__PURE__ */ new Map();
  const subsets = /* @__PURE__ */ new Map();
  const permissive = /* @__PURE__ */ new Map();
  const add = (map, key, make, target) => {
    let group2 = map.get(key);
    if (group2 === void 0) map.set(key, group2 = { ...make(), targets: /* @__PURE__ */ new Set() });
    group2.targets.add(target);
  };
  for (const server of internals.topology.workloads) {
    const callers = destinationInScope(scope, server.id) ? representatives : dirtyRepresentatives;
    if (callers.length === 0) continue;
    for (const { port } of server.ports) {
      const target = `${server.id}:${port}`;
      for (const { caller, fromWorkload } of callers) {
        const { primary, alternatives } = internals.classEdges(caller, server, port);
        for (const edge of [primary, ...alternatives]) {
          const rule = edge.destinationRule?.trafficPolicyFrom ?? edge.destinationRule?.first ?? null;
          const tlsLine = edge.client.evidence.find(
            (e) => e.ref?.kind === "DestinationRule" && e.at !== null
          );
          if (edge.transport === "broken" && rule !== null && tlsLine?.at) {
            const detail = edge.client.effective === "DISABLE" ? "plaintext" : edge.client.mode;
            if (edge.server.mode === "STRICT" && edge.client.mode !== "ISTIO_MUTUAL" && edge.client.mode !== "AUTO_MTLS")
              add(
                breaksStrict,
                `${refKey(rule.ref)}@${tlsLine.at.line}`,
                () => ({ at: tlsLine.at, ref: rule.ref, detail }),
                target
              );
            if (edge.client.mode === "ISTIO_MUTUAL" && edge.server.mode !== "STRICT" && edge.server.mode !== "PERMISSIVE")
              add(
                mtlsNowhere,
                `${refKey(rule.ref)}@${tlsLine.at.line}`,
                () => ({ at: tlsLine.at, ref: rule.ref, detail: whyNoMtls(edge.server) }),
                target
              );
          }
          const decider = decidingPolicy(edge.server);
          if (edge.transport === "broken" && edge.gatedOff && edge.server.mode === "STRICT" && decider?.ref && decider.at)
            add(
              gated,
              refKey(decider.ref),
              () => ({
                at: decider.at,
                ref: decider.ref ?? rule?.ref ?? server.workload.ref,
                detail: "",
                namespace: edge.via?.namespace ?? server.namespace
              }),
              target
            );
          for (const note of edge.client.evidence.filter(
            (e) => e.note.startsWith("subset `") && e.at && e.ref
          )) {
            add(
              subsets,
              `${refKey(note.ref ?? server.workload.ref)}@${note.at?.line}`,
              () => ({
                at: note.at,
                ref: note.ref ?? server.workload.ref,
                detail: note.note
              }),
              target
            );
          }
          if (decider?.ref?.kind === "PeerAuthentication" && edge.server.mode === "PERMISSIVE" && decider.at && fromWorkload) {
            const key = `${refKey(decider.ref)}@${decider.at.line}`;
            const entry = permissive.get(key) ?? {
              policy: decider,
              ports: /* @__PURE__ */ new Set(),
              plaintext: false
            };
            entry.ports.add(target);
            if (edge.transport === "plaintext") entry.plaintext = true;
            permissive.set(key, entry);
          }
        }
      }
    }
  }
  const out = [];
  for (const g of breaksStrict.values())
    out.push(
      mtlsFinding(
        "MG104",
        { mode: g.detail, target: first(g.targets), count: g.targets.size },
        place(g, side2)
      )
    );
  for (const g of mtlsNowhere.values())
    out.push(
      mtlsFinding(
        "MG105",
        { target: first(g.targets), count: g.targets.size, why: g.detail },
        place(g, side2)
      )
    );
  for (const g of gated.values())
    out.push(
      mtlsFinding(
        "MG111",
        { target: first(g.targets), namespace: g.namespace ?? "", count: g.targets.size },
        place(g, side2)
      )
    );
  for (const g of subsets.values())
    out.push(
      mtlsFinding(
        "MG115",
        {
          detail: `${g.detail.replace(/ \(not modelled\)$/, "")}, which meshguard does not model: answers for ${quote(first(g.targets))} may differ`
        },
        { ...place(g, side2), subject: `${subjectOf(g.ref)}@${g.at.line}` }
      )
    );
  for (const entry of permissive.values()) {
    if (entry.plaintext || !entry.policy.ref || !entry.policy.at) continue;
    out.push(
      mtlsFinding(
        "MG112",
        { count: entry.ports.size },
        {
          at: entry.policy.at,
          side: side2,
          subject: `${subjectOf(entry.policy.ref)}@${entry.policy.at.line}`,
          ref: entry.policy.ref
        }
      )
    );
  }
  return [...out, ...ambientFindings(internals, side2)];
}
function place(group2, side2) {
  return { at: group2.at, side: side2, subject: subjectOf(group2.ref), ref: group2.ref };
}
function first(targets) {
  return [...targets].sort()[0] ?? "";
}
function whyNoMtls(server) {
  if (server.level === "gateway") return "is a gateway listener";
  return server.mode === "NO_SIDECAR" ? "has no sidecar" : "is DISABLE";
}
function decidingPolicy(mode) {
  if (mode.level === "default" || mode.level === "no-sidecar" || mode.level === "gateway")
    return null;
  const policies = mode.evidence.filter((e) => e.ref?.kind === "PeerAuthentication");
  return policies[policies.length - 1] ?? null;
}
function classRepresentatives(internals) {
  const byClass = /* @__PURE__ */ new Map();
  for (const workload of internals.topology.workloads) {
    const caller = { kind: "workload", id: workload.id, workload };
    const key2 = internals.context(caller).key;
    if (!byClass.has(key2)) byClass.set(key2, { caller, fromWorkload: true });
  }
  const anyMesh = { kind: "any-mesh-identity", id: ANY_MESH_IDENTITY };
  const key = internals.context(anyMesh).key;
  if (!byClass.has(key)) byClass.set(key, { caller: anyMesh, fromWorkload: false });
  return [...byClass.values()];
}
function ambientFindings(internals, side2) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const workload of internals.topology.workloads) {
    if (seen.has(workload.namespace)) continue;
    const decision = internals.decision(workload);
    if (decision.dataplane !== "AMBIENT") continue;
    seen.add(workload.namespace);
    const at = decision.evidence.find((e) => e.at !== null)?.at ?? workload.workload.source;
    out.push(
      mtlsFinding(
        "MG115",
        {
          detail: `workloads in ${quote(workload.namespace)} run in ambient mode: meshguard assumes sidecars and ztunnel exchange HBONE (ambient profile) and does not model waypoints`
        },
        { at, side: side2, subject: `ambient/${workload.namespace}` }
      )
    );
  }
  return out;
}

// src/analysis/mtls/diff.ts
function diffMtls(base, head, options = {}) {
  const b = internalsOf(base.mtls, base.mesh, base.topology);
  const h = internalsOf(head.mtls, head.mesh, head.topology);
  const deltas = [];
  const findings = [];
  const scope = options.scope ?? EVERYTHING;
  const servers = commonWorkloads(base, head);
  const dirtyServers = scope.all ? servers : servers.filter(([w]) => scope.destinations.has(w.id));
  for (const [baseServer, headServer] of dirtyServers) {
    const changed = modeChanges(base, head, baseServer, headServer);
    deltas.push(...changed.deltas);
    findings.push(...changed.findings);
  }
  findings.push(...edgeChanges(b, h, servers, options.reachedInBase, scope));
  deltas.sort((x, y) => compareText(x.workload, y.workload) || (x.port ?? 0) - (y.port ?? 0));
  return { deltas, findings: sortFindings(findings) };
}
function commonWorkloads(base, head) {
  return base.topology.workloads.flatMap((w) => {
    const other = head.topology.workloadById.get(w.id);
    return other === void 0 ? [] : [[w, other]];
  });
}
var STRENGTH = {
  STRICT: 3,
  PERMISSIVE: 2,
  DISABLE: 1,
  NO_SIDECAR: 0
};
function modeChanges(base, head, baseServer, headServer) {
  const ports = baseServer.ports.map((p) => p.port).filter((p) => headServer.ports.some((q) => q.port === p));
  const changes = ports.flatMap((port) => {
    const before = base.mtls.serverMode(baseServer, port);
    const after = head.mtls.serverMode(headServer, port);
    return before.mode === after.mode ? [] : [{ port, before, after }];
  });
  const sameEverywhere = changes.length === ports.length && ports.length > 1 && changes.every(
    (c) => c.before.mode === changes[0]?.before.mode && c.after.mode === changes[0]?.after.mode
  );
  const reported = sameEverywhere ? changes.slice(0, 1).map((c) => ({ ...c, port: null })) : changes;
  const deltas = [];
  const findings = [];
  for (const change2 of reported) {
    const cause = causeOfMode(change2.before, change2.after);
    deltas.push({
      workload: headServer.id,
      port: change2.port,
      base: change2.before.mode,
      head: change2.after.mode,
      at: cause?.at ?? null,
      ...cause?.side === "base" ? { side: "base" } : {}
    });
    if (STRENGTH[change2.after.mode] >= STRENGTH[change2.before.mode]) continue;
    findings.push(
      mtlsFinding(
        "MG101",
        {
          workload: headServer.id,
          ports: change2.port === null ? "(every port)" : `port ${change2.port}`,
          base: change2.before.mode === "NO_SIDECAR" ? "without a sidecar" : change2.before.mode,
          head: change2.after.mode === "NO_SIDECAR" ? "has no sidecar any more" : `is now ${change2.after.mode}`,
          level: change2.after.level === "no-sidecar" ? "" : ` (${describeLevel(change2.after)})`,
          consequence: CONSEQUENCE[change2.after.mode]
        },
        {
          at: cause?.at ?? headServer.workload.source,
          side: cause?.side ?? "head",
          subject: `${headServer.id}:${change2.port ?? "*"}`,
          ...cause?.ref ? { ref: cause.ref } : {}
        }
      )
    );
  }
  return { deltas, findings };
}
var CONSEQUENCE = {
  STRICT: "it accepts only mTLS",
  PERMISSIVE: "it accepts plaintext, with no peer identity",
  DISABLE: "it accepts only plaintext",
  NO_SIDECAR: "nothing enforces mTLS or authorization there"
};
function describeLevel(mode) {
  switch (mode.level) {
    case "port":
      return "port-level exception";
    case "default":
      return "Istio's default";
    case "no-sidecar":
      return "no sidecar";
    case "gateway":
      return "gateway";
    default:
      return `${mode.level} policy`;
  }
}
function causeOfMode(before, after) {
  const headPolicy = decidingPolicy(after) ?? lastPolicy(after);
  if (headPolicy?.at)
    return { at: headPolicy.at, side: "head", ...headPolicy.ref ? { ref: headPolicy.ref } : {} };
  if (after.level === "no-sidecar" || after.level === "gateway") {
    const line = after.evidence.find((e) => e.at !== null);
    if (line?.at) return { at: line.at, side: "head", ...line.ref ? { ref: line.ref } : {} };
  }
  const basePolicy = decidingPolicy(before) ?? lastPolicy(before);
  if (basePolicy?.at)
    return { at: basePolicy.at, side: "base", ...basePolicy.ref ? { ref: basePolicy.ref } : {} };
  const any = after.evidence.find((e) => e.at !== null);
  return any?.at ? { at: any.at, side: "head" } : null;
}
function lastPolicy(mode) {
  const policies = mode.evidence.filter(
    (e) => e.ref?.kind === "PeerAuthentication" && e.at !== null
  );
  return policies[policies.length - 1] ?? null;
}
function callersOf(internals, ids) {
  const out = /* @__PURE__ */ new Map();
  for (const w of internals.topology.workloads)
    if (ids.has(w.id)) out.set(w.id, { kind: "workload", id: w.id, workload: w });
  out.set(ANY_MESH_IDENTITY, { kind: "any-mesh-identity", id: ANY_MESH_IDENTITY });
  return out;
}
function edgeChanges(b, h, servers, reachedInBase, scope) {
  const common = new Set(
    b.topology.workloads.map((w) => w.id).filter((id) => h.topology.workloadById.has(id))
  );
  const baseCallers = callersOf(b, common);
  const headCallers = callersOf(h, common);
  const pairs = /* @__PURE__ */ new Map();
  for (const [id, caller] of baseCallers) {
    const other = headCallers.get(id);
    if (other === void 0) continue;
    const key = `${b.context(caller).key}\0${h.context(other).key}`;
    const pair = pairs.get(key);
    if (pair) pair.ids.push(id);
    else pairs.set(key, { base: caller, head: other, ids: [id] });
  }
  const broken = /* @__PURE__ */ new Map();
  const lost = /* @__PURE__ */ new Map();
  const dirtyPairs = [...pairs.values()].filter(
    (pair) => pair.ids.some((id) => scope.callers.has(id))
  );
  for (const [baseServer, headServer] of servers) {
    const candidates2 = scope.all || scope.destinations.has(baseServer.id) ? [...pairs.values()] : dirtyPairs;
    if (candidates2.length === 0) continue;
    for (const { port } of headServer.ports) {
      if (!baseServer.ports.some((p) => p.port === port)) continue;
      for (const pair of candidates2) {
        const before = b.classEdges(pair.base, baseServer, port).primary;
        const after = h.classEdges(pair.head, headServer, port).primary;
        const target = before.transport !== "broken" && after.transport === "broken" ? broken : before.transport === "mtls" && after.transport === "plaintext" ? lost : null;
        if (target === null) continue;
        const ids = pair.ids.filter(
          (id) => id !== baseServer.id && (reachedInBase?.(id, baseServer, port) ?? true)
        );
        if (ids.length === 0) continue;
        const key = `${headServer.id}:${port}`;
        const change2 = target.get(key);
        if (change2) change2.callers.push(...ids);
        else
          target.set(key, {
            callers: ids,
            to: headServer.id,
            port,
            reason: after.reason,
            cause: causeOfEdge(before, after, headServer, callerLine(b, h, pair))
          });
      }
    }
  }
  return [
    ...[...broken.values()].map((c) => edgeFinding("MG102", c)),
    ...[...lost.values()].map((c) => edgeFinding("MG103", c))
  ];
}
var NAMED_CALLERS = 3;
function edgeFinding(code, change2) {
  const pseudo = (id) => id.startsWith("(") ? 1 : 0;
  const callers = [...change2.callers].sort((x, y) => pseudo(x) - pseudo(y) || compareText(x, y));
  const firstCaller = callers[0] ?? "";
  const shown = callers.length <= NAMED_CALLERS + 1 ? callers.length : NAMED_CALLERS;
  const named = callers.slice(0, shown).map((id) => quote(id));
  const rest = callers.length - named.length;
  const from = rest > 0 ? `${named.join(", ")} and ${rest} other caller(s)` : named.length === 1 ? named[0] ?? "" : `${named.slice(0, -1).join(", ")} and ${named[named.length - 1] ?? ""}`;
  return mtlsFinding(
    code,
    { from, to: change2.to, port: change2.port, reason: change2.reason },
    {
      at: change2.cause.at,
      side: change2.cause.side,
      subject: `${change2.to}:${change2.port}`,
      ...change2.cause.ref ? { ref: change2.cause.ref } : {},
      edge: { from: firstCaller, to: change2.to, port: change2.port }
    }
  );
}
function causeOfEdge(before, after, server, caller) {
  if (before.server.mode !== after.server.mode) {
    const cause = causeOfMode(before.server, after.server);
    if (cause) return cause;
  }
  if (before.client.mode !== after.client.mode || before.client.effective !== after.client.effective) {
    if (caller !== null) return caller;
    const headLine = after.client.evidence.find((e) => e.at !== null);
    if (headLine?.at)
      return { at: headLine.at, side: "head", ...headLine.ref ? { ref: headLine.ref } : {} };
    const baseLine = before.client.evidence.find((e) => e.at !== null);
    if (baseLine?.at)
      return { at: baseLine.at, side: "base", ...baseLine.ref ? { ref: baseLine.ref } : {} };
  }
  return { at: server.workload.source, side: "head", ref: server.workload.ref };
}
function callerLine(b, h, pair) {
  if (pair.base.kind !== "workload" || pair.head.kind !== "workload") return null;
  const before = b.decision(pair.base.workload);
  const after = h.decision(pair.head.workload);
  if (before.dataplane === after.dataplane && before.gateway === after.gateway) return null;
  const line = after.evidence.find((e) => e.at !== null);
  return line?.at ? { at: line.at, side: "head", ...line.ref ? { ref: line.ref } : {} } : null;
}

// src/analysis/mtls/findings-credentials.ts
function credentialFindings(internals, side2) {
  const clients = classRepresentatives(internals).map((r) => ({ id: r.caller.id, context: internals.context(r.caller) })).filter((c) => c.context.kind === "sidecar");
  const out = [];
  for (const rule of internals.mesh.destinationRules) {
    const block = ignoredCredential(rule);
    if (block === null) continue;
    const host = internals.destinationRules.resolvedHost(rule);
    const user = findUser(internals, rule, host, clients);
    if (user === null) continue;
    out.push(
      mtlsFinding(
        "MG106",
        { host: user.host, client: quote(user.client) },
        { at: block.at, side: side2, subject: subjectOf(rule.ref), ref: rule.ref }
      )
    );
  }
  return out;
}
function ignoredCredential(rule) {
  if (rule.workloadSelector !== null || rule.trafficPolicy === null) return null;
  const blocks = [
    rule.trafficPolicy.tls,
    ...rule.trafficPolicy.portLevelSettings.map((p) => p.tls)
  ];
  return blocks.find(
    (tls) => tls !== null && (tls.mode === "SIMPLE" || tls.mode === "MUTUAL") && tls.credentialName !== null && !tls.credentialName.startsWith("configmap://")
  ) ?? null;
}
function findUser(internals, rule, host, clients) {
  for (const entry of internals.hosts.all) {
    if (!ruleHostMatches(host, entry.host)) continue;
    for (const client of clients) {
      const { namespace, labels } = client.context;
      const chosen = internals.destinationRules.lookup(
        namespace,
        labels,
        entry.host,
        entry.namespace
      ).chosen;
      if (chosen?.trafficPolicyFrom === rule) return { client: client.id, host: entry.host };
    }
  }
  return null;
}

// src/analysis/model/age.ts
var ADDED_BY_CHANGE = "9999-12-31T23:59:59Z";
function isAddedByChange(object) {
  return object.creationTimestamp === ADDED_BY_CHANGE;
}

// src/analysis/mtls/findings-policies.ts
function policyFindings2(internals, side2) {
  return [
    ...rootSelectors(internals, side2),
    ...conflicts(internals, side2),
    ...emptySelections(internals, side2),
    ...unknownPorts(internals, side2),
    ...undeclaredNamespaces(internals, side2),
    ...tlsWithoutMode(internals, side2),
    ...selectorShadows(internals, side2)
  ];
}
function rootSelectors(internals, side2) {
  return internals.peerAuthentications.ignoredRootSelectors.map(
    (policy) => mtlsFinding(
      "MG107",
      { namespace: policy.ref.namespace, name: policy.ref.name },
      {
        at: policy.selector?.at ?? policy.source,
        side: side2,
        subject: subjectOf(policy.ref),
        ref: policy.ref
      }
    )
  );
}
function conflicts(internals, side2) {
  const index = internals.peerAuthentications;
  const out = [];
  const report = (pick2, level) => {
    for (const loser of pick2?.ignored ?? []) {
      if (pick2 === null) continue;
      out.push(conflictFinding(loser, pick2.chosen, level, side2));
    }
  };
  report(index.mesh, "mesh-wide");
  for (const namespace of index.namespacesWithPolicy)
    report(index.namespacePolicy(namespace), "namespace-wide");
  const seen = /* @__PURE__ */ new Set();
  for (const workload of internals.topology.workloads) {
    const { workloadPolicy, ignoredWorkloadPolicies } = internals.composition(workload);
    for (const loser of ignoredWorkloadPolicies) {
      if (workloadPolicy === null || seen.has(loser)) continue;
      seen.add(loser);
      out.push(conflictFinding(loser, workloadPolicy, `workload (${workload.id})`, side2));
    }
  }
  return out;
}
function conflictFinding(loser, winner, level, side2) {
  const why = sameAge(loser, winner) ? "no creationTimestamp tells them apart, so the name order decides" : isAddedByChange(loser) ? "it already exists, and this one is added by the change, so it is newer" : "it is older";
  return mtlsFinding(
    "MG108",
    { level, winner: `${winner.ref.namespace}/${winner.ref.name}`, why },
    { at: loser.modeAt, side: side2, subject: subjectOf(loser.ref), ref: loser.ref }
  );
}
function emptySelections(internals, side2) {
  const { mesh } = internals;
  const root = mesh.settings.rootNamespace.value;
  const byNamespace2 = workloadsByNamespace(internals);
  const selectsAny2 = (namespace, labels) => (byNamespace2.get(namespace) ?? []).some((w) => selects(labels, internals.labels(w)));
  const out = [];
  for (const policy of mesh.peerAuthentications) {
    if (!hasSelector(policy) || policy.ref.namespace === root) continue;
    if (!selectsAny2(policy.ref.namespace, policy.selector?.matchLabels ?? {}))
      out.push(
        emptyFinding(policy, "PeerAuthentication", policy.selector?.at ?? policy.source, side2)
      );
  }
  for (const rule of mesh.destinationRules) {
    const selector = rule.workloadSelector;
    if (selector === null || selectsAny2(rule.ref.namespace, selector.matchLabels)) continue;
    out.push(emptyFinding(rule, "DestinationRule", selector.at, side2));
  }
  return out;
}
function emptyFinding(object, kind, at, side2) {
  return mtlsFinding(
    "MG109",
    { kind, namespace: object.ref.namespace },
    { at, side: side2, subject: subjectOf(object.ref), ref: object.ref }
  );
}
function unknownPorts(internals, side2) {
  const out = [];
  const byNamespace2 = workloadsByNamespace(internals);
  for (const policy of internals.mesh.peerAuthentications) {
    if (!hasSelector(policy) || policy.portLevelMtls.length === 0) continue;
    const selected3 = (byNamespace2.get(policy.ref.namespace) ?? []).filter(
      (w) => selects(policy.selector?.matchLabels ?? {}, internals.labels(w))
    );
    if (selected3.length === 0) continue;
    for (const entry of policy.portLevelMtls) {
      if (selected3.some((w) => w.ports.some((p) => p.port === entry.port))) continue;
      const exposure = selected3.flatMap((w) => w.ports.flatMap((p) => p.exposedBy.map((e) => ({ e, target: p.port })))).find(({ e }) => e.servicePort === entry.port);
      const hint = exposure ? `; it is the Service port of ${quote(`${exposure.e.service.namespace}/${exposure.e.service.name}`)}, whose target port is ${exposure.target}` : "";
      out.push(
        mtlsFinding(
          "MG110",
          { port: entry.port, hint },
          {
            at: entry.portAt,
            side: side2,
            subject: `${subjectOf(policy.ref)}:${entry.port}`,
            ref: policy.ref
          }
        )
      );
    }
  }
  return out;
}
function undeclaredNamespaces(internals, side2) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const workload of internals.topology.workloads) {
    if (internals.topology.namespaceObjects.has(workload.namespace) || seen.has(workload.namespace))
      continue;
    seen.add(workload.namespace);
    out.push(
      mtlsFinding(
        "MG114",
        { namespace: workload.namespace },
        { at: workload.workload.source, side: side2, subject: `Namespace/${workload.namespace}` }
      )
    );
  }
  return out;
}
function tlsWithoutMode(internals, side2) {
  const out = [];
  for (const rule of internals.mesh.destinationRules) {
    const blocks = [];
    const policies = [rule.trafficPolicy, ...rule.subsets.map((s) => s.trafficPolicy)];
    for (const policy of policies) {
      if (policy?.tls) blocks.push(policy.tls);
      for (const port of policy?.portLevelSettings ?? []) if (port.tls) blocks.push(port.tls);
    }
    for (const tls of blocks.filter((t) => !t.modeWritten)) {
      out.push(
        mtlsFinding(
          "MG116",
          { host: internals.destinationRules.resolvedHost(rule) },
          { at: tls.at, side: side2, subject: `${subjectOf(rule.ref)}@${tls.at.line}`, ref: rule.ref }
        )
      );
    }
  }
  return out;
}
function selectorShadows(internals, side2) {
  const out = [];
  const reported = /* @__PURE__ */ new Set();
  const byNamespace2 = workloadsByNamespace(internals);
  for (const rule of internals.mesh.destinationRules) {
    const selector = rule.workloadSelector;
    if (selector === null || reported.has(rule)) continue;
    const leftOut = (byNamespace2.get(rule.ref.namespace) ?? []).some(
      (w) => !selects(selector.matchLabels, internals.labels(w))
    );
    if (!leftOut) continue;
    const host = internals.destinationRules.resolvedHost(rule);
    for (const entry of internals.hosts.all) {
      if (!ruleHostMatches(host, entry.host)) continue;
      const here = internals.destinationRules.lookup(
        rule.ref.namespace,
        {},
        entry.host,
        entry.namespace
      );
      if (here.chosen !== null || !here.found.some((g) => g.members.includes(rule))) continue;
      const elsewhere = internals.destinationRules.lookup(
        ANY_NAMESPACE,
        {},
        entry.host,
        entry.namespace
      );
      const hidden = elsewhere.chosen;
      if (hidden === null) continue;
      reported.add(rule);
      out.push(
        mtlsFinding(
          "MG113",
          {
            host: entry.host,
            namespace: rule.ref.namespace,
            shadowed: quote(formatRef(hidden.first.ref))
          },
          { at: rule.host.at, side: side2, subject: subjectOf(rule.ref), ref: rule.ref }
        )
      );
      break;
    }
  }
  return out;
}
function workloadsByNamespace(internals) {
  const byNamespace2 = /* @__PURE__ */ new Map();
  for (const w of internals.topology.workloads) {
    const list = byNamespace2.get(w.namespace);
    if (list) list.push(w);
    else byNamespace2.set(w.namespace, [w]);
  }
  return byNamespace2;
}

// src/analysis/mtls/findings.ts
function mtlsFindings(side2, which = "head", scope = EVERYTHING) {
  const internals = internalsOf(side2.mtls, side2.mesh, side2.topology);
  return sortFindings([
    ...policyFindings2(internals, which),
    ...edgeFindings(internals, which, scope),
    ...credentialFindings(internals, which)
  ]);
}

// src/analysis/mtls/graph-view.ts
var GRAPH_SCHEMA_VERSION = 1;
function buildGraphView(side2, diagnostics, filter = {}) {
  const { mesh, topology, mtls } = side2;
  const callers = [
    ...pseudoCallers(),
    ...topology.workloads.map((w) => ({ kind: "workload", id: w.id, workload: w }))
  ].filter((c) => selected(filter.from, c.id));
  const servers = topology.workloads.filter((w) => selected(filter.to, w.id));
  const edges = [];
  for (const server of servers) {
    for (const { port } of server.ports) {
      for (const caller of callers) {
        const result = mtls.transport(caller, server, port);
        edges.push({
          from: caller.id,
          to: server.id,
          port,
          transport: {
            ...transportView(result),
            alternatives: result.alternatives.map(transportView)
          }
        });
      }
    }
  }
  edges.sort((a, b) => compareText(a.to, b.to) || a.port - b.port || compareText(a.from, b.from));
  return {
    schemaVersion: GRAPH_SCHEMA_VERSION,
    settings: {
      rootNamespace: mesh.settings.rootNamespace.value,
      trustDomain: mesh.settings.trustDomain.value,
      enableAutoMtls: mesh.settings.enableAutoMtls.value,
      outboundTrafficPolicy: mesh.settings.outboundTrafficPolicy.value
    },
    workloads: servers.map((w) => workloadView(side2, w)),
    pseudoCallers: pseudoCallers().map((c) => ({ id: c.id, clientClass: mtls.clientClass(c) })),
    edges,
    findings: mtlsFindings(side2),
    diagnostics
  };
}
function selected(patterns, id) {
  if (patterns === void 0 || patterns.length === 0) return true;
  return patterns.some((p) => p.endsWith("/*") ? id.startsWith(p.slice(0, -1)) : p === id);
}
function workloadView(side2, node) {
  const decision = side2.mtls.dataplane(node);
  const caller = { kind: "workload", id: node.id, workload: node };
  return {
    id: node.id,
    kind: node.workload.kind,
    dataplane: decision.dataplane,
    gateway: decision.gateway,
    exact: decision.exact,
    identity: side2.mtls.identity(caller)?.principal ?? null,
    clientClass: side2.mtls.clientClass(caller),
    evidence: decision.evidence.map(evidenceView),
    ports: node.ports.map((p) => {
      const mode = side2.mtls.serverMode(node, p.port);
      return {
        port: p.port,
        name: p.name,
        protocol: p.protocol,
        chain: p.chain,
        mode: mode.mode,
        level: mode.level,
        exact: mode.exact,
        services: p.exposedBy.map((e) => `${formatRef(e.service)}:${e.servicePort}`),
        evidence: mode.evidence.map(evidenceView)
      };
    })
  };
}
function transportView(edge) {
  return {
    value: edge.transport,
    exact: edge.exact,
    reason: edge.reason,
    peer: edge.peer?.principal ?? null,
    via: edge.via === null ? null : `${formatRef(edge.via)}:${edge.servicePort ?? ""}`,
    client: {
      mode: edge.client.mode,
      effective: edge.client.effective,
      evidence: edge.client.evidence.map(evidenceView)
    },
    server: { mode: edge.server.mode, level: edge.server.level }
  };
}
function evidenceView(evidence2) {
  return {
    object: evidence2.ref === null ? null : formatRef(evidence2.ref),
    note: evidence2.note,
    file: evidence2.at?.file ?? null,
    line: evidence2.at?.line ?? null,
    column: evidence2.at?.column ?? null
  };
}

// src/analysis/graph/side.ts
function evaluateSide(files, options, cache) {
  return evaluateLoaded(loadSide(files, options, cache));
}
function loadSide(files, options, cache) {
  return loadMesh(files, {
    ...cache === void 0 ? {} : { cache },
    ...options.defaultNamespace === void 0 ? {} : { defaultNamespace: options.defaultNamespace },
    ...options.meshSettings === void 0 ? {} : { meshSettings: options.meshSettings }
  });
}
function evaluateLoaded(load) {
  const topology = buildTopology(load.mesh);
  const mtls = evaluateMtls(load.mesh, topology);
  const access = createAccessIndex(load.mesh, topology, {
    dataplaneOf: (w) => mtls.dataplane(w).dataplane,
    labelsOf: (w) => mtls.selectorLabels(w)
  });
  const callers = /* @__PURE__ */ new Map();
  for (const workload of topology.workloads)
    callers.set(workload.id, { kind: "workload", id: workload.id, workload });
  for (const pseudo of pseudoCallers()) callers.set(pseudo.id, pseudo);
  return { load, mesh: load.mesh, topology, mtls, access, callers };
}
function authzSideOf(side2, which, scope) {
  return {
    side: which,
    ...scope === void 0 ? {} : { scope },
    mesh: side2.mesh,
    topology: side2.topology,
    dataplaneOf: (w) => side2.mtls.dataplane(w).dataplane,
    labelsOf: (w) => side2.mtls.selectorLabels(w),
    peerOf: (caller, workload, port) => {
      const transport = side2.mtls.transport(caller, workload, port);
      if (transport.transport === "broken") return "rejected";
      return peerOf(side2, caller, transport);
    }
  };
}

// src/analysis/diff/ages.ts
function ageAddedObjects(base, head) {
  const existing = /* @__PURE__ */ new Set();
  for (const object of meshObjects(base)) existing.add(refKey(object.ref));
  const age = (list) => list.map(
    (object) => object.creationTimestamp === null && !existing.has(refKey(object.ref)) ? { ...object, creationTimestamp: ADDED_BY_CHANGE } : object
  );
  return {
    ...head,
    namespaces: age(head.namespaces),
    workloads: age(head.workloads),
    services: age(head.services),
    serviceAccounts: age(head.serviceAccounts),
    peerAuthentications: age(head.peerAuthentications),
    authorizationPolicies: age(head.authorizationPolicies),
    requestAuthentications: age(head.requestAuthentications),
    destinationRules: age(head.destinationRules),
    serviceEntries: age(head.serviceEntries),
    sidecars: age(head.sidecars)
  };
}

// src/analysis/diff/carry-over.ts
function carryOverUnreadable(base, head, unreadableHeadFiles) {
  const broken = new Set(unreadableHeadFiles);
  for (const d of head.diagnostics) if (isPartialInput(d.code)) broken.add(d.at.file);
  if (broken.size === 0) return head.mesh;
  const present = new Set(meshObjects(head.mesh).map((o) => refKey(o.ref)));
  const kept = meshObjects(base.mesh).filter(
    (o) => broken.has(o.source.file) && !present.has(refKey(o.ref))
  );
  return kept.length === 0 ? head.mesh : withObjects(head.mesh, kept);
}

// src/analysis/report/types.ts
var REPORT_SCHEMA_VERSION = 1;

// src/analysis/report/analyze-options.ts
var DEFAULT_SENSITIVE_PORTS = [
  22,
  2379,
  2380,
  3306,
  5432,
  6379,
  9042,
  9200,
  9300,
  11211,
  27017
];

// src/analysis/diff/change-findings.ts
function changeFindings(base, head, edges, options) {
  const sensitive = new Set(options.sensitivePorts ?? DEFAULT_SENSITIVE_PORTS);
  return [
    ...edgeFindings2(head, edges, sensitive),
    ...denyFindings(base, head, edges),
    ...defaultDenyFindings(base, head),
    ...protectedFindings(base, head, options.protectedWorkloads ?? []),
    ...newWorkloadFindings(base, head, sensitive),
    ...newCallerFindings(base, head)
  ];
}
function finding2(code, id, at, side2, params, extra = {}) {
  const entry = catalogue[code];
  return {
    id: `${code}:${id}`,
    code,
    severity: entry.severity,
    message: entry.message(params),
    at,
    side: side2,
    ...extra
  };
}
function requestWords(request) {
  return request === ALL_REQUESTS ? request : quote(request);
}
function requestList(edge) {
  const more = edge.newlyAllowed.length > 3 ? ", ..." : "";
  return ` (${edge.newlyAllowed.slice(0, 3).map(requestWords).join(", ")}${more})`;
}
function edgeFindings2(head, edges, sensitive) {
  const out = [];
  const anyMesh = new Map(
    edges.filter((e) => e.from === ANY_MESH_IDENTITY).map((e) => [`${e.to}:${e.port}`, e.newlyAllowed.join("\n")])
  );
  for (const edge of edges) {
    if (edge.newlyAllowed.length === 0) continue;
    const named = edge.from !== ANY_MESH_IDENTITY && edge.from !== UNAUTHENTICATED;
    if (named && anyMesh.get(`${edge.to}:${edge.port}`) === edge.newlyAllowed.join("\n")) continue;
    const cause = edge.reasons[0];
    const at = cause?.at ?? head.topology.workloadById.get(edge.to)?.workload.source;
    if (at === void 0) continue;
    const side2 = cause?.side ?? "head";
    const subject = `${edge.from}->${edge.to}:${edge.port}`;
    const requests2 = requestList(edge);
    const to = `${edge.to}:${edge.port}`;
    const extra = {
      edge: { from: edge.from, to: edge.to, port: edge.port },
      ...cause?.ref ? { ref: cause.ref } : {}
    };
    if (edge.from === UNAUTHENTICATED)
      out.push(finding2("MG301", subject, at, side2, { to, requests: requests2 }, extra));
    else if (edge.from === ANY_MESH_IDENTITY)
      out.push(finding2("MG302", subject, at, side2, { to, requests: requests2 }, extra));
    else if (namespaceOf(edge.from) !== namespaceOf(edge.to))
      out.push(finding2("MG303", subject, at, side2, { from: edge.from, to, requests: requests2 }, extra));
    if (sensitive.has(edge.port))
      out.push(
        finding2(
          "MG304",
          subject,
          at,
          side2,
          { from: edge.from, to: edge.to, port: edge.port },
          extra
        )
      );
  }
  return out;
}
function denyFindings(base, head, edges) {
  const out = [];
  if (!base.mesh.authorizationPolicies.some((p) => p.action === "DENY")) return out;
  let engine = null;
  for (const edge of edges) {
    if (edge.newlyAllowed.length === 0) continue;
    const before = endpoints(base, edge);
    const after = endpoints(head, edge);
    if (before === null || after === null) continue;
    const was = evaluateEdge(base, before.caller, before.server, before.port);
    if (was.transport.transport === "broken") continue;
    if (!was.access.determining.some((rule2) => rule2.action === "DENY")) continue;
    engine ??= createAuthzEngine(base.mesh, {
      dataplaneOf: (w) => base.mtls.dataplane(w).dataplane,
      labelsOf: (w) => base.mtls.selectorLabels(w)
    });
    const peer = peerOf(base, before.caller, was.transport);
    const decision = engine.decide(engine.destination(before.server), before.port, peer);
    if (decision === null) continue;
    const newly = subtract(
      evaluateEdge(head, after.caller, after.server, after.port).reaching,
      was.reaching
    );
    const bypassed = decision.chains.flatMap((c) => c.deny).find((m) => !isEmpty(intersect(m.set, newly)));
    if (bypassed === void 0) continue;
    const rule = bypassed.ref;
    out.push(
      finding2(
        "MG309",
        `${edge.from}->${edge.to}:${edge.port}`,
        rule.at,
        "base",
        {
          from: edge.from,
          to: `${edge.to}:${edge.port}`,
          policy: `${rule.policy.namespace}/${rule.policy.name}`,
          rule: rule.rule === null ? "policy" : `rule ${rule.rule}`,
          requests: requestList(edge)
        },
        { edge: { from: edge.from, to: edge.to, port: edge.port }, ref: rule.policy }
      )
    );
  }
  return out;
}
function endpoints(side2, edge) {
  const caller = side2.callers.get(edge.from);
  const server = side2.topology.workloadById.get(edge.to);
  const port = server?.ports.find((p) => p.port === edge.port);
  return caller && server && port ? { caller, server, port } : null;
}
function namespaceOf(id) {
  return id.split("/")[0] ?? "";
}
function covers(wider, policy, kind, root) {
  if (defaultDenyKind(wider) !== kind) return false;
  const scope = wider.ref.namespace === root || wider.ref.namespace === policy.ref.namespace;
  if (!scope || policy.ref.namespace === root && wider.ref.namespace !== root) return false;
  const labels = policy.selector?.matchLabels ?? {};
  return Object.entries(wider.selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}
function defaultDenyKind(policy) {
  if (policy.dryRun || policy.targetRefs.length > 0) return null;
  if (policy.action === "ALLOW" && (policy.rules === null || policy.rules.length === 0))
    return "allow-nothing";
  const matchesAll = (policy.rules ?? []).some(
    (r) => r.from === null && r.to === null && r.when === null
  );
  return policy.action === "DENY" && matchesAll ? "deny-all" : null;
}
function defaultDenyFindings(base, head) {
  const headByRef = new Map(head.mesh.authorizationPolicies.map((p) => [refKey(p.ref), p]));
  const root = head.mesh.settings.rootNamespace.value;
  const defaults2 = head.mesh.authorizationPolicies.filter((p) => defaultDenyKind(p) !== null);
  return base.mesh.authorizationPolicies.flatMap((policy) => {
    const kind = defaultDenyKind(policy);
    if (kind === null) return [];
    if (defaults2.some((p) => covers(p, policy, kind, root))) return [];
    const now = headByRef.get(refKey(policy.ref));
    return [
      finding2(
        "MG305",
        formatRef(policy.ref),
        now?.actionAt ?? policy.source,
        now === void 0 ? "base" : "head",
        {
          policy: `the ${kind} policy ${formatRef(policy.ref)}`,
          how: now === void 0 ? "was removed" : "no longer denies by default"
        },
        { ref: now?.ref ?? policy.ref }
      )
    ];
  });
}
function protectedFindings(base, head, protectedIds) {
  if (protectedIds.length === 0) return [];
  const isProtected = (id) => protectedIds.some((p) => p.includes("/") ? p === id : id.startsWith(`${p}/`));
  const out = [];
  for (const workload of head.topology.workloads.filter((w) => isProtected(w.id))) {
    const before = base.topology.workloadById.get(workload.id);
    for (const port of workload.ports) {
      const mode = head.mtls.serverMode(workload, port.port);
      if (mode.mode === "STRICT") continue;
      if (before !== void 0 && base.mtls.serverMode(before, port.port).mode !== "STRICT")
        continue;
      const decider = decidingPolicy(mode);
      const at = decider?.at ?? mode.evidence.find((e) => e.at !== null)?.at ?? workload.workload.source;
      const shown = mode.mode === "NO_SIDECAR" ? "plaintext (no sidecar)" : `${mode.mode} (plaintext allowed)`;
      out.push(
        finding2(
          "MG306",
          `${workload.id}:${port.port}`,
          at,
          "head",
          { workload: workload.id, port: port.port, mode: shown },
          { ref: decider?.ref ?? workload.workload.ref }
        )
      );
    }
  }
  return out;
}
function newWorkloadFindings(base, head, sensitive) {
  const out = [];
  for (const workload of head.topology.workloads) {
    if (base.topology.workloadById.has(workload.id)) continue;
    for (const port of workload.ports) {
      const open = [UNAUTHENTICATED, ANY_MESH_IDENTITY].filter((id) => {
        const caller = head.callers.get(id);
        return caller !== void 0 && !isEmpty(evaluateEdge(head, caller, workload, port).reaching);
      });
      if (open.length === 0) continue;
      const who = open.length === 2 ? "plaintext callers and any mesh identity" : open[0] === UNAUTHENTICATED ? "plaintext callers" : "any mesh identity";
      out.push(
        finding2(
          "MG307",
          `${workload.id}:${port.port}`,
          workload.workload.source,
          "head",
          { workload: workload.id, port: port.port, who },
          { ref: workload.workload.ref }
        )
      );
      if (sensitive.has(port.port))
        for (const from of open)
          out.push(
            finding2(
              "MG304",
              `${from}->${workload.id}:${port.port}`,
              workload.workload.source,
              "head",
              { from, to: workload.id, port: port.port },
              { ref: workload.workload.ref, edge: { from, to: workload.id, port: port.port } }
            )
          );
    }
  }
  return out;
}
var NAMED_TARGETS = 5;
function newCallerFindings(base, head) {
  const out = [];
  for (const workload of head.topology.workloads) {
    if (base.topology.workloadById.has(workload.id)) continue;
    const caller = head.callers.get(workload.id);
    if (caller === void 0) continue;
    const reached = [];
    for (const server of head.topology.workloads) {
      if (server.namespace === workload.namespace) continue;
      for (const port of server.ports) {
        if (!isEmpty(evaluateEdge(head, caller, server, port).reaching))
          reached.push(`${server.id}:${port.port}`);
      }
    }
    if (reached.length === 0) continue;
    const named = reached.slice(0, NAMED_TARGETS).map((t) => quote(t)).join(", ");
    const targets = reached.length > NAMED_TARGETS ? `${named} and ${reached.length - NAMED_TARGETS} more` : named;
    out.push(
      finding2(
        "MG308",
        workload.id,
        workload.workload.source,
        "head",
        { workload: workload.id, count: reached.length, targets },
        { ref: workload.workload.ref }
      )
    );
  }
  return out;
}

// src/analysis/diff/content-key.ts
function contentKey(value) {
  return JSON.stringify(strip(value));
}
var POSITION_KEYS = /* @__PURE__ */ new Set(["source", "at", "apiVersion"]);
function strip(value) {
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value !== "object" || value === null) return value;
  const record2 = value;
  if ("value" in record2 && "at" in record2 && Object.keys(record2).length === 2)
    return strip(record2.value);
  const out = {};
  for (const key of Object.keys(record2).sort()) {
    if (POSITION_KEYS.has(key) || key.endsWith("At")) continue;
    out[key] = strip(record2[key]);
  }
  return out;
}

// src/analysis/diff/dirty.ts
var LISTS = [
  "namespaces",
  "workloads",
  "services",
  "peerAuthentications",
  "authorizationPolicies",
  "requestAuthentications",
  "destinationRules",
  "serviceEntries",
  "sidecars"
];
function dirtyScope(base, head) {
  if (contentKey(base.mesh.settings) !== contentKey(head.mesh.settings)) return everything();
  const destinations = /* @__PURE__ */ new Set();
  const callers = /* @__PURE__ */ new Set();
  const mark = (set2, nodes2) => {
    for (const node of nodes2) set2.add(node.id);
  };
  const nodesOf = (side2) => new Map(side2.topology.workloads.map((w) => [w.workload, w]));
  const nodes = /* @__PURE__ */ new Map([
    [base, nodesOf(base)],
    [head, nodesOf(head)]
  ]);
  for (const list of LISTS) {
    for (const [object, side2] of changedObjects(base.mesh[list], head.mesh[list], base, head)) {
      const effect = effectOf(object, side2, nodes.get(side2) ?? /* @__PURE__ */ new Map());
      if (effect === "all") return everything();
      mark(destinations, effect.destinations);
      mark(callers, effect.callers);
      if (effect.pseudoCallers) {
        callers.add(UNAUTHENTICATED);
        callers.add(ANY_MESH_IDENTITY);
      }
    }
  }
  for (const id of changedEndpoints(base, head)) destinations.add(id);
  return { all: false, destinations, callers };
}
function everything() {
  return { all: true, destinations: /* @__PURE__ */ new Set(), callers: /* @__PURE__ */ new Set() };
}
function changedObjects(base, head, baseSide, headSide) {
  const headByRef = new Map(head.map((o) => [refKey(o.ref), o]));
  const unchanged = /* @__PURE__ */ new Set();
  const changed = [];
  for (const object of base) {
    const other = headByRef.get(refKey(object.ref));
    if (other !== void 0 && (other === object || contentKey(other) === contentKey(object))) {
      unchanged.add(other);
      continue;
    }
    changed.push([object, baseSide]);
  }
  for (const object of head) if (!unchanged.has(object)) changed.push([object, headSide]);
  return changed;
}
function effectOf(object, side2, nodeOf) {
  const root = side2.mesh.settings.rootNamespace.value;
  const inNamespace = (ns) => side2.topology.workloadsIn(ns);
  const none = { destinations: [], callers: [], pseudoCallers: false };
  switch (object.kind) {
    case "Namespace":
      return {
        destinations: inNamespace(object.ref.name),
        callers: inNamespace(object.ref.name),
        pseudoCallers: false
      };
    case "Service":
      return {
        ...none,
        destinations: side2.topology.workloadsIn(object.ref.namespace).filter(
          (w) => object.selector !== null && selects(object.selector, w.workload.podLabels)
        )
      };
    case "ServiceAccount":
      return none;
    case "AuthorizationPolicy":
    case "RequestAuthentication":
    case "PeerAuthentication": {
      const selector = object.selector;
      const targeted = "targetRefs" in object && object.targetRefs.length > 0;
      return {
        ...none,
        destinations: targeted ? inNamespace(object.ref.namespace) : policyScope(side2, object.ref.namespace, selector, root)
      };
    }
    case "Sidecar": {
      if (object.ref.namespace === root && object.workloadSelector === null) return "all";
      return {
        ...none,
        callers: policyScope(side2, object.ref.namespace, object.workloadSelector, root),
        pseudoCallers: object.ref.namespace === root
      };
    }
    case "DestinationRule":
    case "ServiceEntry":
      return hostEffect(object, side2);
    default: {
      const node = nodeOf.get(object);
      const nodes = node === void 0 ? [] : [node];
      return { destinations: nodes, callers: nodes, pseudoCallers: false };
    }
  }
}
function policyScope(side2, namespace, selector, root) {
  const labels = selector === null || Object.keys(selector.matchLabels).length === 0 ? null : selector.matchLabels;
  const candidates2 = namespace === root ? side2.topology.workloads : side2.topology.workloadsIn(namespace);
  return candidates2.filter((w) => labels === null || selects(labels, side2.mtls.selectorLabels(w)));
}
function hostEffect(object, side2) {
  const patterns = object.kind === "DestinationRule" ? [expandShortName(object.host.value, object.ref.namespace)] : object.hosts.map((h) => expandShortName(h.value, object.ref.namespace));
  if (patterns.some((p) => p === "*")) return "all";
  const destinations = /* @__PURE__ */ new Set();
  for (const service of side2.mesh.services) {
    const host = serviceHost(service);
    if (patterns.some((p) => hostMatches(p, host)))
      for (const w of side2.topology.selectedWorkloads(service)) destinations.add(w);
  }
  const entries = object.kind === "ServiceEntry" ? [object] : side2.mesh.serviceEntries.filter(
    (entry) => entry.hosts.some((h) => {
      const host = expandShortName(h.value, entry.ref.namespace);
      return patterns.some((p) => hostMatches(p, host) || hostMatches(host, p));
    })
  );
  for (const entry of entries)
    if (entry.workloadSelector !== null)
      for (const w of policyScope(side2, entry.ref.namespace, entry.workloadSelector, ""))
        destinations.add(w);
  const callers = object.kind === "DestinationRule" && object.workloadSelector !== null ? policyScope(side2, object.ref.namespace, object.workloadSelector, "") : [];
  return { destinations: [...destinations], callers, pseudoCallers: false };
}
function expandShortName(host, namespace) {
  return host.includes(".") || host.includes("*") ? host.toLowerCase() : `${host}.${namespace}.svc.cluster.local`.toLowerCase();
}
function hostMatches(pattern, host) {
  return pattern.startsWith("*") ? host.endsWith(pattern.slice(1)) : pattern === host;
}
function changedEndpoints(base, head) {
  const members = (side2) => new Map(
    side2.mesh.services.map((s) => [
      refKey(s.ref),
      side2.topology.selectedWorkloads(s).map((w) => `${w.id}\0${side2.mtls.dataplane(w).endpointTlsMode}`).sort().join(",")
    ])
  );
  const before = members(base);
  const after = members(head);
  const changed = /* @__PURE__ */ new Set();
  for (const [key, ids] of before) {
    const now = after.get(key);
    if (now !== void 0 && now !== ids) {
      for (const member of [...ids.split(","), ...now.split(",")])
        if (member !== "") changed.add(member.split("\0")[0] ?? member);
    }
  }
  return changed;
}

// src/analysis/diff/classify.ts
function compareEdge(base, head) {
  const before = isEmpty(base.reaching);
  const after = isEmpty(head.reaching);
  if (before && after) return null;
  const lines = () => describeChange(
    { allowed: base.reaching, universe: base.access.universe },
    { allowed: head.reaching, universe: head.access.universe }
  );
  if (before) return { change: "added", ...lines() };
  if (after) return { change: "removed", ...lines() };
  const how = relation(base.reaching, head.reaching);
  if (how === "equal") {
    return base.transport.transport === head.transport.transport ? null : { change: "transport", newlyAllowed: [], newlyDenied: [] };
  }
  return {
    change: how === "wider" ? "widened" : how === "narrower" ? "narrowed" : "changed",
    ...lines()
  };
}

// src/analysis/diff/edges.ts
var GROUP_FROM = 4;
var MAX_REASONS = 6;
function diffEdges(base, head, scope) {
  const all = indexCallers(commonCallers(base, head));
  const dirty = scope.all ? all : indexCallers(all.callers.filter((c) => scope.callers.has(c.id)));
  const deltas = [];
  for (const server of base.topology.workloads) {
    const other = head.topology.workloadById.get(server.id);
    if (other === void 0) continue;
    const candidates2 = scope.all || scope.destinations.has(server.id) ? all : dirty;
    if (candidates2.callers.length === 0) continue;
    for (const port of server.ports) {
      const headPort = other.ports.find((p) => p.port === port.port);
      if (headPort === void 0) continue;
      const target = { base: [server, port], head: [other, headPort] };
      deltas.push(
        ...group(compareCallers(base, head, candidates2, target), server, headPort, { base, head })
      );
    }
  }
  return deltas.sort(
    (a, b) => compareText(a.to, b.to) || a.port - b.port || compareText(a.from, b.from)
  );
}
function commonCallers(base, head) {
  const out = [];
  for (const [id, baseCaller] of base.callers) {
    const headCaller = head.callers.get(id);
    if (headCaller === void 0) continue;
    out.push({
      id,
      base: baseCaller,
      head: headCaller,
      classes: `${base.mtls.clientClass(baseCaller)}\0${head.mtls.clientClass(headCaller)}`,
      principals: [
        base.mtls.identity(baseCaller)?.principal ?? null,
        head.mtls.identity(headCaller)?.principal ?? null
      ]
    });
  }
  return out.sort((a, b) => compareText(a.id, b.id));
}
function indexCallers(callers) {
  const groups = /* @__PURE__ */ new Map();
  const byPrincipal = /* @__PURE__ */ new Map();
  const changedIdentity = [];
  const add = (map, key, caller) => {
    const list = map.get(key);
    if (list) list.push(caller);
    else map.set(key, [caller]);
  };
  for (const caller of callers) {
    add(groups, caller.classes, caller);
    const [before, after] = caller.principals;
    if (before !== after) changedIdentity.push(caller);
    if (before !== null) add(byPrincipal, before, caller);
    if (after !== null && after !== before) add(byPrincipal, after, caller);
  }
  return { callers, groups: [...groups.values()], byPrincipal, changedIdentity };
}
function compareCallers(base, head, index, target) {
  const [server, port] = target.base;
  const [headServer, headPort] = target.head;
  const alone = new Set(index.changedIdentity);
  for (const access of [
    base.access.portAccess(server, port),
    head.access.portAccess(headServer, headPort)
  ]) {
    for (const principal of access.byPrincipal.keys())
      for (const caller of index.byPrincipal.get(principal) ?? []) alone.add(caller);
  }
  const changes = [];
  for (const caller of alone) {
    if (caller.id === server.id) continue;
    const change2 = compareCaller(base, head, caller, target);
    if (change2 !== null) changes.push(change2);
  }
  for (const members of index.groups) {
    const representative = members.find((m) => m.id !== server.id && !alone.has(m));
    if (representative === void 0) continue;
    const change2 = compareCaller(base, head, representative, target);
    if (change2 === null) continue;
    for (const member of members) {
      if (member.id === server.id || alone.has(member)) continue;
      changes.push(
        member === representative ? change2 : { ...change2, caller: member.id, namespace: namespaceOf2(member) }
      );
    }
  }
  return changes;
}
function namespaceOf2(caller) {
  return caller.head.kind === "workload" ? caller.head.workload.namespace : null;
}
function compareCaller(base, head, caller, target) {
  const before = evaluateEdge(base, caller.base, ...target.base);
  const after = evaluateEdge(head, caller.head, ...target.head);
  const comparison = compareEdge(before, after);
  if (comparison === null) return null;
  return {
    caller: caller.id,
    namespace: namespaceOf2(caller),
    base: before,
    head: after,
    comparison
  };
}
function group(changes, server, port, sides) {
  const bySignature = /* @__PURE__ */ new Map();
  for (const change2 of changes) {
    const row = deltaOf(change2, server, port, sides);
    const { from: _from, ...rest } = row;
    const key = `${change2.namespace ?? change2.caller}\0${JSON.stringify(rest)}`;
    const entry = bySignature.get(key) ?? { rows: [], namespace: change2.namespace };
    entry.rows.push(row);
    bySignature.set(key, entry);
  }
  return [...bySignature.values()].flatMap(({ rows, namespace }) => {
    const first2 = rows[0];
    if (namespace === null || rows.length < GROUP_FROM || first2 === void 0) return rows;
    return [
      { ...first2, from: `${namespace}/*`, callers: rows.length, members: rows.map((r) => r.from) }
    ];
  });
}
function deltaOf(change2, server, port, sides) {
  return {
    from: change2.caller,
    callers: 1,
    to: server.id,
    port: port.port,
    protocol: port.protocol,
    change: change2.comparison.change,
    base: stateOf(change2.base),
    head: stateOf(change2.head),
    newlyAllowed: change2.comparison.newlyAllowed,
    newlyDenied: change2.comparison.newlyDenied,
    reasons: reasonsOf(change2, sides)
  };
}
function stateOf(evaluation) {
  const broken = evaluation.transport.transport === "broken";
  return {
    access: broken ? "deny" : evaluation.access.access,
    transport: evaluation.transport.transport,
    requests: broken ? [] : evaluation.access.requests,
    exact: evaluation.access.exact && evaluation.transport.exact
  };
}
function reasonsOf(change2, sides) {
  const { base, head } = change2;
  const reasons2 = [];
  if (base.transport.transport !== head.transport.transport || head.transport.transport === "broken")
    reasons2.push(...transportReasons(change2, sides));
  if (head.transport.transport !== "broken") reasons2.push(...ruleReasons(change2));
  const seen = /* @__PURE__ */ new Set();
  return reasons2.filter((r) => {
    const key = `${r.object}|${r.at.file}|${r.at.line}|${r.note}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, MAX_REASONS);
}
function ruleReasons(change2) {
  const { base, head } = change2;
  if (head.access.determining.length > 0)
    return head.access.determining.map((rule) => ({
      object: formatRef(rule.policy),
      ref: rule.policy,
      note: ruleNote(rule),
      at: rule.at
    }));
  return base.access.determining.map((rule) => ({
    object: formatRef(rule.policy),
    ref: rule.policy,
    note: `${ruleNote(rule)} in the base, no longer applies`,
    at: rule.at,
    side: "base"
  }));
}
function transportReasons(change2, sides) {
  const before = change2.base.transport;
  const after = change2.head.transport;
  const deciding = decidingPolicy(after.server);
  const server = evidenceReasons(deciding ? [deciding] : after.server.evidence, "head");
  const stillUsed = new Set(after.client.evidence.map((e) => e.ref ? refKey(e.ref) : ""));
  const client = [
    ...callerDataplaneReasons(change2.caller, sides),
    ...evidenceReasons(after.client.evidence, "head"),
    ...evidenceReasons(
      before.client.evidence.filter(
        (e) => (e.ref?.kind === "DestinationRule" || e.ref?.kind === "Sidecar") && !stillUsed.has(refKey(e.ref))
      ),
      "base",
      " in the base, no longer applies to this client"
    )
  ];
  const serverMoved = before.server.mode !== after.server.mode || before.server.level !== after.server.level;
  return serverMoved ? [...server, ...client] : [...client, ...server];
}
function callerDataplaneReasons(id, sides) {
  const before = sides.base.callers.get(id);
  const after = sides.head.callers.get(id);
  if (before?.kind !== "workload" || after?.kind !== "workload") return [];
  const was = sides.base.mtls.dataplane(before.workload);
  const now = sides.head.mtls.dataplane(after.workload);
  if (was.dataplane === now.dataplane && was.gateway === now.gateway) return [];
  return evidenceReasons(now.evidence, "head");
}
function evidenceReasons(evidence2, side2, suffix = "") {
  return evidence2.flatMap(
    (e) => e.at === null ? [] : [
      {
        object: e.ref ? formatRef(e.ref) : "",
        note: `${e.note}${suffix}`,
        at: e.at,
        ...e.ref ? { ref: e.ref } : {},
        ...side2 === "base" ? { side: side2 } : {}
      }
    ]
  );
}
function ruleNote(rule) {
  return rule.rule === null ? `${rule.action} policy` : `${rule.action} rule ${rule.rule}`;
}

// src/analysis/report/analyze-change.ts
function analyzeChange(input) {
  const options = input.options ?? {};
  const cache = createLoadCache();
  const base = evaluateSide(input.base, options, cache);
  const headLoad = loadSide(input.head, options, cache);
  const headMesh = carryOverUnreadable(
    base.load,
    headLoad,
    (input.problems?.unreadable?.head ?? []).map((f) => f.path)
  );
  const head = evaluateLoaded({ ...headLoad, mesh: ageAddedObjects(base.mesh, headMesh) });
  const inputFindings = inputProblemFindings(input.problems ?? {});
  const scope = dirtyScope(base, head);
  const mtls = diffMtls(base, head, { scope, reachedInBase: reachedIn(base) });
  const edges = diffEdges(base, head, scope);
  const { findings, ignored } = applyFindingPolicy(
    [
      ...inputFindings,
      ...head.load.diagnostics.map(diagnosticFinding),
      ...mtlsFindings(head, "head", scope),
      ...authzFindings(authzSideOf(head, "head", scope)),
      ...mtls.findings,
      ...changeFindings(base, head, edges, options)
    ],
    preexistingIds(base, scope),
    options
  );
  const failOn = options.failOn ?? "error";
  const workloads = workloadChanges(base, head);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    verdict: verdictOf(findings, failOn),
    failOn,
    summary: {
      edges: edgeCounts(edges),
      ...mtlsCounts(mtls.deltas),
      workloadsAdded: workloads.added.length,
      workloadsRemoved: workloads.removed.length,
      findings: countBySeverity(findings)
    },
    edges,
    mtls: mtls.deltas,
    workloads,
    findings,
    ignored,
    diagnostics: { base: base.load.diagnostics, head: head.load.diagnostics },
    inputs: {
      base: summarise(base),
      head: summarise(head),
      partial: [...base.load.diagnostics, ...head.load.diagnostics, ...inputFindings].some(
        (d) => isPartialInput(d.code)
      )
    }
  };
}
function reachedIn(side2) {
  return (callerId, server, port) => {
    const caller = side2.callers.get(callerId);
    const workloadPort = server.ports.find((p) => p.port === port);
    if (caller === void 0 || workloadPort === void 0) return true;
    return !isEmpty(evaluateEdge(side2, caller, server, workloadPort).reaching);
  };
}
function preexistingIds(base, scope) {
  return new Set(
    [
      ...base.load.diagnostics.map(diagnosticFinding),
      ...mtlsFindings(base, "base", scope),
      ...authzFindings(authzSideOf(base, "base", scope))
    ].flatMap(findingKeys)
  );
}
function edgeCounts(edges) {
  const counts = {
    added: 0,
    removed: 0,
    widened: 0,
    narrowed: 0,
    changed: 0,
    transport: 0
  };
  for (const edge of edges) counts[edge.change] += edge.callers;
  return counts;
}
function inputProblemFindings(problems) {
  const at = (file) => ({ file, documentIndex: 0, line: 1, column: 1 });
  const sides = ["base", "head"];
  return [
    ...sides.flatMap(
      (side2) => (problems.unreadable?.[side2] ?? []).map((file) => ({
        ...diagnosticFinding(diagnostic("MG005", at(file.path), { detail: file.reason })),
        id: `MG005:${side2}:${file.path}`,
        side: side2
      }))
    ),
    ...(problems.limits ?? []).map((limit, index) => ({
      ...diagnosticFinding(diagnostic("MG901", at("(input)"), { detail: limit.detail })),
      id: `MG901:${limit.side}:${index}`,
      side: limit.side
    }))
  ];
}
function diagnosticFinding(d) {
  return {
    id: `${d.code}:${d.ref ? formatRef(d.ref) : d.at.file}`,
    code: d.code,
    severity: d.severity,
    message: d.message,
    at: d.at,
    side: "head",
    ...d.ref ? { ref: d.ref } : {}
  };
}
function countBySeverity(findings) {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
function workloadChanges(base, head) {
  const only = (a, b) => a.topology.workloads.filter((w) => !b.topology.workloadById.has(w.id)).map((w) => ({ workload: w.id, at: w.workload.source }));
  return { added: only(head, base), removed: only(base, head) };
}
var MODE_STRENGTH = {
  STRICT: 2,
  PERMISSIVE: 1,
  DISABLE: 0,
  NO_SIDECAR: 0
};
function mtlsCounts(deltas) {
  return {
    mtlsWeakened: deltas.filter((d) => MODE_STRENGTH[d.head] < MODE_STRENGTH[d.base]).length,
    mtlsStrengthened: deltas.filter((d) => MODE_STRENGTH[d.head] > MODE_STRENGTH[d.base]).length
  };
}
function summarise(side2) {
  const { stats, mesh } = side2.load;
  return {
    files: stats.files,
    documents: stats.documents,
    objects: stats.objects,
    workloads: mesh.workloads.length,
    policies: mesh.authorizationPolicies.length + mesh.peerAuthentications.length
  };
}

// src/analysis/render/change-words.ts
var TRANSPORT_SHORT = { mtls: "mtls", plaintext: "plain", broken: "broken" };
function isRegression(edge) {
  return edge.change === "added" || edge.change === "widened" || edge.newlyAllowed.length > 0 || // Plaintext is a regression only where requests still arrive over it.
  edge.base.transport === "mtls" && edge.head.transport === "plaintext" && edge.head.access !== "deny";
}
function transportChange(edge) {
  const { base, head } = edge;
  if (base.transport === head.transport) return null;
  const broke = base.transport === "broken" || head.transport === "broken";
  if (!broke && (base.access === "deny" || head.access === "deny")) return null;
  return `${base.transport} \u2192 ${head.transport}`;
}
function describeState(state) {
  const inexact = state.exact ? "" : " (inexact)";
  if (state.transport === "broken") return `connection fails${inexact}`;
  return state.access === "deny" ? `deny${inexact}` : `${state.access}, ${state.transport}${inexact}`;
}
var MODE_RANK = {
  STRICT: 2,
  PERMISSIVE: 1,
  DISABLE: 0,
  NO_SIDECAR: 0
};
function mtlsDirection(delta) {
  const before = MODE_RANK[delta.base];
  const after = MODE_RANK[delta.head];
  return after < before ? "weakened" : after > before ? "strengthened" : "changed";
}
function formatCount(count) {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function plural(count, noun, pluralNoun = `${noun}s`) {
  return `${formatCount(count)} ${count === 1 ? noun : pluralNoun}`;
}
function callerName(edge) {
  return edge.from.endsWith("/*") && edge.callers !== 1 ? `${edge.from} (${plural(edge.callers, "workload")})` : edge.from;
}

// src/analysis/render/order.ts
var SEVERITY_ORDER3 = { error: 0, warning: 1, notice: 2 };
function compareEdges(a, b) {
  return compareText(a.to, b.to) || a.port - b.port || compareText(a.from, b.from) || a.callers - b.callers || compareText(a.change, b.change);
}
function sortEdges(edges) {
  return [...edges].sort(compareEdges);
}
function regressionsFirst(edges) {
  const sorted = sortEdges(edges);
  return [...sorted.filter(isRegression), ...sorted.filter((e) => !isRegression(e))];
}
function sortMtls(deltas) {
  return [...deltas].sort(
    (a, b) => compareText(a.workload, b.workload) || (a.port ?? -1) - (b.port ?? -1) || compareText(a.base, b.base) || compareText(a.head, b.head)
  );
}
function sortWorkloads(changes) {
  return [...changes].sort(
    (a, b) => compareText(a.workload, b.workload) || compareSources(a.at, b.at)
  );
}
function compareFindings(a, b) {
  return SEVERITY_ORDER3[a.severity] - SEVERITY_ORDER3[b.severity] || compareSources(a.at, b.at) || compareText(a.id, b.id) || compareText(a.message, b.message);
}
function sortFindings2(items) {
  const findingOf = (item) => "finding" in item ? item.finding : item;
  return [...items].sort((a, b) => compareFindings(findingOf(a), findingOf(b)));
}

// src/analysis/render/escape.ts
var ZWSP = "\u200B";
var REPLACEMENT = "\uFFFD";
var LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function oneLine(text) {
  return text.replace(/\r\n|[\n\r\t\v\f\u0085\u2028\u2029]/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, REPLACEMENT).replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, REPLACEMENT).replace(LONE_SURROGATE, REPLACEMENT);
}
function wellFormed(text) {
  return text.replace(LONE_SURROGATE, REPLACEMENT);
}
function truncate(text, max) {
  return cut(text, max, () => 1);
}
function cut(text, max, size) {
  const points = [...text];
  if (points.reduce((sum, point) => sum + size(point), 0) <= max) return text;
  const room = max - 3;
  let kept = 0;
  for (let used = 0; kept < points.length; kept++) {
    used += size(points[kept] ?? "");
    if (used > room) break;
  }
  return `${points.slice(0, kept).join("")}...`;
}
var MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+!|~$]/g;
function breakAutolinks(text) {
  return text.replace(/@/g, `@${ZWSP}`).replace(/#(?=\d)/g, `#${ZWSP}`).replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`).replace(/:\/\//g, `:${ZWSP}//`).replace(/(www)\./gi, `$1${ZWSP}.`);
}
function escapeInline(text) {
  const escaped = breakAutolinks(
    oneLine(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(MARKDOWN_SPECIAL, "\\$&")
  );
  return escaped.replace(/^([-=])/, "\\$1").replace(/^(\d+)\./, "$1\\.");
}
function breakCommentMarkers(text) {
  return text.replace(/<!/g, `<${ZWSP}!`).replace(/--(!?)>/g, `-${ZWSP}-$1>`);
}
function codeSpan(text, where = "text") {
  let value = breakCommentMarkers(oneLine(text));
  if (value.trim() === "") return escapeInline(`"${value}"`);
  if (where === "table") {
    if (value.includes("\\")) return escapeInline(text);
    value = value.replace(/\|/g, "\\|");
  }
  const fence = "`".repeat(longestBacktickRun(value) + 1);
  const pad = /^[` ]|[` ]$/.test(value) ? " " : "";
  return `${fence}${pad}${value}${pad}${fence}`;
}
function escapeMessage(message, where = "text") {
  return parseMessage(message).map((part) => part.code ? codeSpan(part.text, where) : escapeInline(part.text)).join("");
}
var URL_SAFE = /[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]/;
function safeUrl(url) {
  if (!/^https?:\/\/[^\s]/i.test(url)) return null;
  return percentEncode(url.replace(/[\uD800-\uDFFF]/g, REPLACEMENT), URL_SAFE);
}
function percentEncode(text, keep) {
  const encoder = new TextEncoder();
  let out = "";
  for (const char of text) {
    if (keep.test(char)) out += char;
    else
      for (const byte of encoder.encode(char))
        out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}
function markdownLink(text, url) {
  const label = escapeInline(text);
  const destination = url == null ? null : safeUrl(url);
  return destination === null ? label : `[${label}](${destination})`;
}
function tableRow(cells) {
  return `| ${cells.map((cell) => cell === "" ? " " : cell).join(" | ")} |`;
}
var MERMAID_SAFE = /[A-Za-z0-9 \-_.,/:*+()=!?'@]/;
var MERMAID_NAMED = {
  '"': "#quot;",
  "<": "#lt;",
  ">": "#gt;",
  "&": "#amp;"
};
function mermaidText(text) {
  let out = "";
  for (const char of oneLine(text)) {
    if (MERMAID_SAFE.test(char)) out += char;
    else out += MERMAID_NAMED[char] ?? `#${char.codePointAt(0) ?? 65533};`;
  }
  return out;
}
function mermaidLabel(text, max) {
  const line = oneLine(text);
  return `"${mermaidText(truncate(line.trim() === "" ? `"${line}"` : line, max))}"`;
}
function sarifText(text) {
  return text.replace(
    /(\\*)([[\]])/g,
    (_, slashes, bracket) => `${slashes.replace(/\\/g, "\\\\")}\\${bracket}`
  );
}
function uriReference(path) {
  return path.split("/").map((segment) => encodeURIComponent(wellFormed(segment))).join("/");
}
function terminalText(text) {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what this shows
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`
  );
}

// src/analysis/render/sarif.ts
var LEVEL = {
  error: "error",
  warning: "warning",
  notice: "note"
};
function renderSarif(items, options) {
  const codes = [...new Set(items.map((item) => item.code))].sort();
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  const rules = codes.map((code) => {
    const entry = catalogue[code];
    return {
      id: code,
      name: entry.name,
      shortDescription: { text: entry.title },
      fullDescription: { text: entry.description },
      help: { text: entry.help },
      helpUri: `https://github.com/meshguard/meshguard/blob/main/docs/findings.md#${code.toLowerCase()}`,
      defaultConfiguration: { level: LEVEL[entry.severity] }
    };
  });
  const results = items.map((item) => ({
    ruleId: item.code,
    ruleIndex: ruleIndex.get(item.code) ?? 0,
    level: LEVEL[item.severity],
    message: { text: sarifText(messageOf(item)) },
    locations: [{ physicalLocation: physicalLocation(item) }]
  }));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "meshguard",
            version: options.toolVersion,
            informationUri: "https://github.com/meshguard/meshguard",
            rules
          }
        },
        results
      }
    ]
  };
  return `${JSON.stringify(log, null, 2)}
`;
}
function physicalLocation(item) {
  const artifactLocation = { uri: uriReference(item.at.file) };
  if (item.side === "base") return { artifactLocation };
  return { artifactLocation, region: { startLine: item.at.line, startColumn: item.at.column } };
}
function messageOf(item) {
  if (item.side !== "base") return item.message;
  return `${item.message} (line ${item.at.line} of ${item.at.file} in the base commit)`;
}

// src/analysis/render/findings-sarif.ts
var FINDING_FINGERPRINT = "meshguardFindingId/v1";
function renderFindingsSarif(report, options) {
  const findings = sortFindings2(report.findings);
  const log = JSON.parse(renderSarif(findings, options));
  log.runs[0]?.results.forEach((result, index) => {
    const finding3 = findings[index];
    if (finding3) result["partialFingerprints"] = { [FINDING_FINGERPRINT]: finding3.id };
  });
  return `${JSON.stringify(log, null, 2)}
`;
}

// src/analysis/render/json.ts
function position(at) {
  return { file: at.file, line: at.line, column: at.column };
}
function edgeState(state) {
  return {
    access: state.access,
    transport: state.transport,
    exact: state.exact,
    requests: [...state.requests]
  };
}
function edgeJson(edge) {
  return {
    from: edge.from,
    callers: edge.callers,
    members: edge.members === void 0 ? null : [...edge.members],
    to: edge.to,
    port: edge.port,
    protocol: edge.protocol,
    change: edge.change,
    regression: isRegression(edge),
    base: edgeState(edge.base),
    head: edgeState(edge.head),
    newlyAllowed: [...edge.newlyAllowed],
    newlyDenied: [...edge.newlyDenied],
    reasons: edge.reasons.map((reason) => ({
      object: reason.object,
      note: reason.note,
      ...position(reason.at),
      side: reason.side ?? "head"
    }))
  };
}
function mtlsJson(delta) {
  return {
    workload: delta.workload,
    port: delta.port,
    base: delta.base,
    head: delta.head,
    change: mtlsDirection(delta),
    file: delta.at?.file ?? null,
    line: delta.at?.line ?? null,
    side: delta.side ?? "head"
  };
}
function workloadJson(change2) {
  return { workload: change2.workload, file: change2.at.file, line: change2.at.line };
}
function findingJson(finding3) {
  return {
    id: finding3.id,
    rule: finding3.code,
    severity: finding3.severity,
    message: finding3.message,
    ...position(finding3.at),
    side: finding3.side,
    object: finding3.ref ? formatRef(finding3.ref) : null,
    edge: finding3.edge ? { from: finding3.edge.from, to: finding3.edge.to, port: finding3.edge.port } : null
  };
}
function reportJson(report) {
  const { summary } = report;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    verdict: report.verdict,
    failOn: report.failOn,
    inputs: {
      base: { ...report.inputs.base },
      head: { ...report.inputs.head },
      partial: report.inputs.partial
    },
    counts: {
      edges: { ...summary.edges },
      mtlsWeakened: summary.mtlsWeakened,
      mtlsStrengthened: summary.mtlsStrengthened,
      workloadsAdded: summary.workloadsAdded,
      workloadsRemoved: summary.workloadsRemoved,
      findings: { ...summary.findings }
    },
    edges: sortEdges(report.edges).map(edgeJson),
    mtls: sortMtls(report.mtls).map(mtlsJson),
    workloads: {
      added: sortWorkloads(report.workloads.added).map(workloadJson),
      removed: sortWorkloads(report.workloads.removed).map(workloadJson)
    },
    findings: sortFindings2(report.findings).map(findingJson),
    ignored: sortFindings2(report.ignored).map(({ finding: finding3, reason }) => ({
      ...findingJson(finding3),
      reason
    }))
  };
}
function renderJson(report) {
  return `${JSON.stringify(reportJson(report), null, 2)}
`;
}

// src/analysis/render/markdown-sections.ts
var CELL_TEXT_MAX = 200;
var CELL_LINES_MAX = 4;
var FINDINGS_DOC_URL = "https://github.com/meshguard/meshguard/blob/main/docs/findings.md";
function location(at, context, side2 = "head") {
  const where = `${at.file}:${at.line}`;
  return side2 === "base" ? `${escapeInline(where)} (base)` : markdownLink(where, context.linkToLine(at.file, at.line));
}
function cellLines(lines, noun) {
  const shown = lines.slice(0, CELL_LINES_MAX);
  const rest = lines.length - shown.length;
  return [...shown, ...rest > 0 ? [escapeInline(`and ${plural(rest, noun)} more`)] : []].join(
    "<br>"
  );
}
function requests(edge) {
  const code = (sign, text) => `${sign} ${codeSpan(truncate(text, CELL_TEXT_MAX), "table")}`;
  const transport = transportChange(edge);
  return cellLines(
    [
      ...transport === null ? [] : [escapeInline(`transport ${transport}`)],
      ...edge.newlyAllowed.map((r) => code("+", r)),
      ...edge.newlyDenied.map((r) => code("\u2212", r))
    ],
    "request set"
  );
}
function reasons(edge, context) {
  return cellLines(
    edge.reasons.map((reason) => {
      const note = reason.note === "" ? "" : `: ${escapeMessage(truncate(reason.note, CELL_TEXT_MAX), "table")}`;
      return `${escapeInline(truncate(reason.object, CELL_TEXT_MAX))}${note} (${location(reason.at, context, reason.side)})`;
    }),
    "reason"
  );
}
function tableSection(title, header2, rows, context) {
  const marker = (hidden) => tableRow([`\u2026 ${plural(hidden, "more row")} (${context.fullReport})`]);
  return {
    before: [title, "", tableRow(header2), tableRow(header2.map(() => "---"))],
    rows,
    after: [],
    more: marker,
    omitted: `${title.replace(/^#+ /, "")}: ${plural(rows.length, "row")} omitted to fit the comment (${context.fullReport}).`
  };
}
function edgeSection(report, context) {
  if (report.edges.length === 0) return null;
  const rows = regressionsFirst(report.edges).map(
    (edge) => tableRow([
      isRegression(edge) ? `**${edge.change}**` : edge.change,
      escapeInline(truncate(callerName(edge), CELL_TEXT_MAX)),
      escapeInline(truncate(edge.to, CELL_TEXT_MAX)),
      escapeInline(truncate(`${edge.port}/${edge.protocol}`, 40)),
      escapeInline(describeState(edge.base)),
      escapeInline(describeState(edge.head)),
      requests(edge),
      reasons(edge, context)
    ])
  );
  return tableSection(
    `#### Edge changes (${formatCount(rows.length)})`,
    [
      "change",
      "caller",
      "destination",
      "port/protocol",
      "before",
      "after",
      "what changed (requests)",
      "why (policy, file:line)"
    ],
    rows,
    context
  );
}
function mtlsSection(report, context) {
  if (report.mtls.length === 0) return null;
  const rows = sortMtls(report.mtls).map(
    (delta) => tableRow([
      escapeInline(truncate(delta.workload, CELL_TEXT_MAX)),
      delta.port === null ? "all ports" : String(delta.port),
      delta.base,
      delta.head,
      mtlsDirection(delta) === "weakened" ? "**weakened**" : mtlsDirection(delta),
      delta.at === null ? "" : location(delta.at, context, delta.side)
    ])
  );
  return tableSection(
    `#### mTLS changes (${formatCount(rows.length)})`,
    ["workload", "port", "before", "after", "change", "where"],
    rows,
    context
  );
}
function workloadSection(report, context) {
  const { added, removed } = report.workloads;
  if (added.length + removed.length === 0) return null;
  const row = (change2, side2) => (w) => tableRow([
    change2,
    escapeInline(truncate(w.workload, CELL_TEXT_MAX)),
    location(w.at, context, side2)
  ]);
  const rows = [
    ...sortWorkloads(added).map(row("added", "head")),
    ...sortWorkloads(removed).map(row("removed", "base"))
  ];
  return tableSection(
    `#### Workloads added or removed (${formatCount(rows.length)})`,
    ["change", "workload", "where"],
    rows,
    context
  );
}
function findingLine(finding3, context) {
  const code = `[**${finding3.code}**](${FINDINGS_DOC_URL}#${finding3.code.toLowerCase()})`;
  return `- ${code} ${escapeMessage(truncate(finding3.message, 1e3))} \u2014 ${location(finding3.at, context, finding3.side)}`;
}
function listSection(title, rows, context, wrap) {
  return {
    before: [...wrap ? [wrap[0], ""] : [title, ""]],
    rows,
    after: wrap ? ["", wrap[1]] : [],
    more: (hidden) => `- \u2026 ${plural(hidden, "more finding")} (${context.fullReport})`,
    omitted: `${title.replace(/\*/g, "")}: omitted to fit the comment (${context.fullReport}).`
  };
}
var SEVERITY_TITLE = {
  error: "Errors",
  warning: "Warnings",
  notice: "Notices"
};
function findingSections(report, context) {
  const sorted = sortFindings2(report.findings);
  return ["error", "warning", "notice"].flatMap((severity) => {
    const rows = sorted.filter((f) => f.severity === severity).map((f) => findingLine(f, context));
    if (rows.length === 0) return [];
    return [
      listSection(`**${SEVERITY_TITLE[severity]} (${formatCount(rows.length)})**`, rows, context)
    ];
  });
}
function ignoredSection(report, context) {
  if (report.ignored.length === 0) return null;
  const rows = sortFindings2(report.ignored).map(
    ({ finding: finding3, reason }) => `${findingLine(finding3, context)} \u2014 ignored: ${escapeInline(truncate(reason, CELL_TEXT_MAX))}`
  );
  const title = `Ignored findings (${formatCount(rows.length)})`;
  return listSection(title, rows, context, [`<details><summary>${title}</summary>`, "</details>"]);
}

// src/analysis/render/mermaid-graph.ts
var EDGE_LABEL_MAX = 30;
var CHANGE_WORD = {
  added: "new",
  removed: "removed",
  widened: "widened",
  narrowed: "narrowed",
  changed: "changed",
  transport: "transport"
};
function endpoint(id, callers, towards) {
  const slash = id.indexOf("/");
  if (towards !== null && (id.startsWith("(") || slash < 0))
    return { key: `p:${id}`, namespace: null, name: id, kind: "pseudo" };
  if (slash < 0) return { key: `w:${id}`, namespace: null, name: id, kind: "workload" };
  const namespace = id.slice(0, slash);
  const name = id.slice(slash + 1);
  if (name === "*" && towards !== null) {
    const label = callers === 1 ? "* (1 workload)" : `* (${formatCount(callers)} workloads)`;
    return { key: `g:${id}#${callers}>${towards}`, namespace, name: label, kind: "group" };
  }
  return { key: `w:${id}`, namespace, name, kind: "workload" };
}
function workloadNode(point, subgraphs, weakened) {
  const inside = subgraphs ? point.namespace : null;
  const label = inside === null && point.namespace !== null ? `${point.namespace}/${point.name}` : point.name;
  const id = point.namespace === null ? point.name : `${point.namespace}/${point.name}`;
  return {
    key: point.key,
    subgraph: inside,
    label,
    kind: point.kind,
    weakened: point.kind === "workload" && weakened.has(id)
  };
}
function namespaceNode(point) {
  if (point.namespace === null)
    return { key: point.key, subgraph: null, label: point.name, kind: "pseudo", weakened: false };
  return {
    key: `ns:${point.namespace}`,
    subgraph: null,
    label: point.namespace,
    kind: "namespace",
    weakened: false
  };
}
function requestText(sign, requests2, whole) {
  const [first2] = requests2;
  if (whole || first2 === void 0) return `${sign}all`;
  return requests2.length === 1 ? `${sign}${first2}` : `${sign}${first2} and ${requests2.length - 1} more`;
}
function edgeLabel(edge) {
  const { base, head } = edge;
  const bothOpen = base.access !== "deny" && head.access !== "deny";
  const broke = base.transport === "broken" || head.transport === "broken";
  let suffix = (bothOpen || broke) && base.transport !== head.transport ? `${TRANSPORT_SHORT[base.transport]}->${TRANSPORT_SHORT[head.transport]}` : "";
  let detail = "";
  switch (edge.change) {
    case "added":
      detail = requestText("+", edge.newlyAllowed, head.access === "allow");
      if (head.transport !== "mtls") suffix = `(${TRANSPORT_SHORT[head.transport]})`;
      break;
    case "removed":
      detail = requestText("-", edge.newlyDenied, base.access === "allow");
      break;
    case "widened":
      detail = requestText("+", edge.newlyAllowed, false);
      break;
    case "narrowed":
      detail = requestText("-", edge.newlyDenied, false);
      break;
    case "changed":
      detail = `${requestText("+", edge.newlyAllowed, false)} ${requestText("-", edge.newlyDenied, false)}`;
      break;
    case "transport":
      if (suffix === "") suffix = "transport";
      break;
  }
  const port = String(edge.port);
  const room = Math.max(6, EDGE_LABEL_MAX - port.length - (suffix ? suffix.length + 2 : 1));
  return [port, truncate(detail, room), suffix].filter((part) => part !== "").join(" ");
}
function mergedLabel(edges) {
  const first2 = edges[0];
  if (first2 === void 0) return "";
  if (edges.length === 1) return edgeLabel(first2);
  const ports = [...new Set(edges.map((e) => e.port))].sort((a, b) => a - b);
  const list = ports.join(",");
  const portText = list.length <= 14 ? list : `${ports.length} ports`;
  return `${portText} ${transportWord(edges) ?? CHANGE_WORD[first2.change]}`;
}
function transportWord(edges) {
  const words = new Set(
    edges.map(
      (e) => e.change === "transport" ? `${TRANSPORT_SHORT[e.base.transport]}->${TRANSPORT_SHORT[e.head.transport]}` : null
    )
  );
  const [only] = words;
  return words.size === 1 && only !== void 0 ? only : null;
}
function collect(edges, nodesOf, bucketKey) {
  const buckets = /* @__PURE__ */ new Map();
  for (const edge of edges) {
    const [from, to] = nodesOf(edge);
    const key = bucketKey(edge, from, to);
    const bucket = buckets.get(key);
    if (bucket) bucket.edges.push(edge);
    else buckets.set(key, { from, to, change: edge.change, edges: [edge] });
  }
  return buckets;
}
function graphOf(buckets, label) {
  const nodes = /* @__PURE__ */ new Map();
  const drawn = [];
  for (const bucket of buckets) {
    nodes.set(bucket.from.key, bucket.from);
    nodes.set(bucket.to.key, bucket.to);
    drawn.push({
      from: bucket.from.key,
      to: bucket.to.key,
      change: bucket.change,
      label: label(bucket),
      port: Math.min(...bucket.edges.map((e) => e.port))
    });
  }
  return { nodes: [...nodes.values()], edges: drawn };
}
function workloadGraph(edges, options) {
  const buckets = collect(
    edges,
    (edge) => [
      workloadNode(endpoint(edge.from, edge.callers, edge.to), options.subgraphs, options.weakened),
      workloadNode(endpoint(edge.to, 1, null), options.subgraphs, options.weakened)
    ],
    (edge, from, to) => `${from.key}
${to.key}
${edge.change}${options.merge ? "" : `
${edge.port}
${edge.from}`}`
  );
  return graphOf(buckets.values(), (bucket) => mergedLabel(bucket.edges));
}
function namespaceGraph(edges) {
  const buckets = collect(
    edges,
    (edge) => [
      namespaceNode(endpoint(edge.from, edge.callers, edge.to)),
      namespaceNode(endpoint(edge.to, 1, null))
    ],
    (edge, from, to) => `${from.key}
${to.key}
${edge.change}`
  );
  return graphOf(
    buckets.values(),
    (bucket) => `${formatCount(bucket.edges.length)} ${transportWord(bucket.edges) ?? CHANGE_WORD[bucket.change]}`
  );
}
function combine2(first2, second) {
  const nodes = /* @__PURE__ */ new Map();
  for (const node of [...first2.nodes, ...second.nodes]) nodes.set(node.key, node);
  return { nodes: [...nodes.values()], edges: [...first2.edges, ...second.edges] };
}
var CHANGE_ORDER = {
  added: 0,
  removed: 1,
  widened: 2,
  narrowed: 3,
  changed: 4,
  transport: 5
};

// src/analysis/render/mermaid-emit.ts
var NODE_LABEL_MAX = 40;
var ARROW = {
  added: "==>",
  removed: "-.->",
  widened: "-->",
  narrowed: "-->",
  changed: "-->",
  transport: "-->"
};
var LINK_STYLE = {
  added: "stroke:#2da44e,stroke-width:3px,color:#2da44e,fill:none",
  removed: "stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 4,color:#cf222e,fill:none",
  amber: "stroke:#bf8700,stroke-width:2px,color:#bf8700,fill:none"
};
var CLASS_DEF = {
  default: "fill:#f6f8fa,stroke:#57606a,color:#1f2328",
  pseudo: "fill:#fff8c5,stroke:#9a6700,color:#1f2328",
  namespace: "fill:#ddf4ff,stroke:#0969da,color:#1f2328",
  weakened: "fill:#fff1e5,stroke:#bc4c00,color:#1f2328"
};
function colourOf(change2) {
  return change2 === "added" ? "added" : change2 === "removed" ? "removed" : "amber";
}
function nodeClass(node) {
  if (node.kind === "pseudo" || node.kind === "namespace") return node.kind;
  return node.weakened ? "weakened" : "default";
}
function declareNode(id, node) {
  const label = mermaidLabel(node.label, NODE_LABEL_MAX);
  const shape = node.kind === "pseudo" ? `([${label}])` : node.kind === "namespace" ? `[[${label}]]` : `[${label}]`;
  const cls = nodeClass(node);
  return `${id}${shape}${cls === "default" ? "" : `:::${cls}`}`;
}
function byLabel(a, b) {
  return compareText(a.label, b.label) || compareText(a.key, b.key);
}
function emitFlowchart(graph, description) {
  const lines = [
    "flowchart LR",
    "  accTitle: Mesh access changes",
    `  accDescr: ${mermaidText(description)}`
  ];
  const ids = /* @__PURE__ */ new Map();
  const namespaces = [
    ...new Set(graph.nodes.flatMap((n) => n.subgraph === null ? [] : [n.subgraph]))
  ];
  namespaces.sort(compareText).forEach((namespace, index) => {
    lines.push(`  subgraph ns${index + 1}[${mermaidLabel(namespace, NODE_LABEL_MAX)}]`);
    for (const node of graph.nodes.filter((n) => n.subgraph === namespace).sort(byLabel)) {
      ids.set(node.key, `n${ids.size + 1}`);
      lines.push(`    ${declareNode(`n${ids.size}`, node)}`);
    }
    lines.push("  end");
  });
  const outside = graph.nodes.filter((n) => n.subgraph === null);
  const ordered = [
    ...outside.filter((n) => n.kind !== "pseudo").sort(byLabel),
    ...outside.filter((n) => n.kind === "pseudo").sort(byLabel)
  ];
  for (const node of ordered) {
    ids.set(node.key, `n${ids.size + 1}`);
    lines.push(`  ${declareNode(`n${ids.size}`, node)}`);
  }
  const number = (key) => Number((ids.get(key) ?? "n0").slice(1));
  const edges = [...graph.edges].sort(
    (a, b) => number(a.from) - number(b.from) || number(a.to) - number(b.to) || a.port - b.port || CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change] || compareText(a.label, b.label)
  );
  const byColour = { added: [], removed: [], amber: [] };
  edges.forEach((edge, index) => {
    byColour[colourOf(edge.change)].push(index);
    const label = mermaidLabel(edge.label, 40);
    lines.push(`  ${ids.get(edge.from)} ${ARROW[edge.change]}|${label}| ${ids.get(edge.to)}`);
  });
  for (const colour of ["added", "removed", "amber"])
    if (byColour[colour].length > 0)
      lines.push(`  linkStyle ${byColour[colour].join(",")} ${LINK_STYLE[colour]}`);
  const used = new Set(graph.nodes.map(nodeClass));
  for (const [name, style] of Object.entries(CLASS_DEF))
    if (name === "default" || used.has(name))
      lines.push(`  classDef ${name} ${style}`);
  return `${lines.join("\n")}
`;
}

// src/analysis/render/mermaid.ts
var DEFAULT_MERMAID_BUDGET = {
  maxEdges: 150,
  maxChars: 2e4,
  maxNodes: 100
};
var MERMAID_LIMITS = { maxEdges: 500, maxTextSize: 5e4 };
function namespaceOf3(id, caller) {
  const slash = id.indexOf("/");
  return caller && id.startsWith("(") || slash < 0 ? null : id.slice(0, slash);
}
var STEP_PHRASE = {
  full: "one arrow per changed edge",
  merged: "parallel arrows merged",
  "namespace-hybrid": "namespace level, regressions per workload",
  namespace: "namespace level",
  regressions: "regressions only",
  "regressions-namespace": "regressions only, namespace level",
  omitted: "omitted"
};
function describe4(edges, step) {
  const counts = /* @__PURE__ */ new Map();
  for (const edge of edges) counts.set(edge.change, (counts.get(edge.change) ?? 0) + 1);
  const parts = [...counts.entries()].sort((a, b) => CHANGE_ORDER[a[0]] - CHANGE_ORDER[b[0]]).map(([change2, count]) => `${formatCount(count)} ${change2}`);
  return `${plural(edges.length, "changed edge")} (${parts.join(", ")}), drawn ${STEP_PHRASE[step]}`;
}
function planDiagram(report, budget2 = {}) {
  const limits = {
    maxEdges: Math.min(budget2.maxEdges ?? DEFAULT_MERMAID_BUDGET.maxEdges, MERMAID_LIMITS.maxEdges),
    maxChars: Math.min(
      budget2.maxChars ?? DEFAULT_MERMAID_BUDGET.maxChars,
      MERMAID_LIMITS.maxTextSize
    ),
    maxNodes: budget2.maxNodes ?? DEFAULT_MERMAID_BUDGET.maxNodes
  };
  const all = report.edges;
  const regressions = all.filter(isRegression);
  const others = all.filter((edge) => !isRegression(edge));
  const namespaces = new Set(
    all.flatMap((e) => [namespaceOf3(e.from, true), namespaceOf3(e.to, false)])
  );
  namespaces.delete(null);
  const summary = {
    changes: all.length,
    regressions: regressions.length,
    namespaces: namespaces.size
  };
  const attempts = [];
  if (all.length === 0)
    return {
      diagram: { step: "empty", text: null, drawnEdges: 0, drawnNodes: 0, ...summary },
      attempts
    };
  const weakened = new Set(
    report.mtls.filter((m) => mtlsDirection(m) === "weakened").map((m) => m.workload)
  );
  const perWorkload = (edges, merge2, subgraphs = true) => workloadGraph(edges, { merge: merge2, subgraphs, weakened });
  const candidates2 = [
    ["full", () => perWorkload(all, false)],
    ["merged", () => perWorkload(all, true)],
    [
      "namespace-hybrid",
      () => regressions.length > 0 && others.length > 0 ? combine2(namespaceGraph(others), perWorkload(regressions, true, false)) : null
    ],
    ["namespace", () => namespaceGraph(all)],
    [
      "regressions",
      () => regressions.length > 0 && others.length > 0 ? perWorkload(regressions, true) : null
    ],
    [
      "regressions-namespace",
      () => regressions.length > 0 && others.length > 0 ? namespaceGraph(regressions) : null
    ]
  ];
  for (const [step, build3] of candidates2) {
    const graph = build3();
    if (graph === null) continue;
    const size = { step, edges: graph.edges.length, nodes: graph.nodes.length };
    if (size.edges > limits.maxEdges || size.nodes > limits.maxNodes) {
      attempts.push({ ...size, chars: null, fits: false });
      continue;
    }
    const text = emitFlowchart(graph, describe4(all, step));
    const fits = text.length <= limits.maxChars;
    attempts.push({ ...size, chars: text.length, fits });
    if (fits)
      return {
        diagram: { step, text, drawnEdges: size.edges, drawnNodes: size.nodes, ...summary },
        attempts
      };
  }
  return {
    diagram: { step: "omitted", text: null, drawnEdges: 0, drawnNodes: 0, ...summary },
    attempts
  };
}
function renderMermaid(report, budget2 = {}) {
  return planDiagram(report, budget2).diagram;
}
function diagramNote(diagram) {
  const changes = plural(diagram.changes, "edge change");
  const where = plural(diagram.namespaces, "namespace");
  const regressions = plural(diagram.regressions, "regression");
  switch (diagram.step) {
    case "empty":
      return "No edge changed, so there is no diagram.";
    case "full":
      return `Diagram: ${changes}, one arrow each.`;
    case "merged":
      return `Diagram: ${changes}; arrows between the same caller and destination with the same change are merged (ports listed).`;
    case "namespace-hybrid":
      return `Diagram: ${changes} across ${where}, too many to draw per workload; drawn per namespace, with the ${regressions} still per workload.`;
    case "namespace":
      return `Diagram: ${changes} across ${where}, too many to draw per workload; drawn per namespace with counts.`;
    case "regressions":
      return `Diagram: ${changes} across ${where}, too many to draw; only the ${regressions} are drawn. The tables list every change.`;
    case "regressions-namespace":
      return `Diagram: ${changes} across ${where}, too many to draw; only the ${regressions} are drawn, per namespace. The tables list every change.`;
    case "omitted":
      return `${changes} across ${where}: too many to draw, diagram omitted. The tables list every change.`;
  }
}

// src/analysis/render/verdict.ts
function summariseVerdict(report) {
  const { edges, mtlsWeakened, mtlsStrengthened } = report.summary;
  const phrases = [
    [edges.added, "new path"],
    [edges.widened, "widened path"],
    [edges.changed, "changed path"],
    [edges.removed, "removed path"],
    [edges.narrowed, "narrowed path"],
    [edges.transport, "transport change"],
    [mtlsWeakened, "mTLS downgrade"],
    [mtlsStrengthened, "mTLS upgrade"]
  ];
  const changes = phrases.filter(([count]) => count > 0).map(([count, noun]) => plural(count, noun));
  const loosened = report.edges.some(isRegression) || mtlsWeakened > 0;
  const { error, warning } = report.summary.findings;
  const partial = report.inputs.partial;
  return {
    changes: changes.length > 0 ? changes.join(", ") : partial ? "no change in access found in the files that could be read" : "no change in access",
    outcome: report.verdict === "pass" ? "pass" : loosened ? "regression" : "fail",
    failing: report.verdict === "pass" || loosened ? "" : [error > 0 ? plural(error, "error") : "", warning > 0 ? plural(warning, "warning") : ""].filter((part) => part !== "").join(", "),
    caveat: partial && changes.length > 0 ? " (partial input: some files could not be read)" : ""
  };
}

// src/analysis/render/markdown.ts
var MARKDOWN_DEFAULT_MAX_LENGTH = 6e4;
var MARKDOWN_MIN_LENGTH = 2e3;
var GITHUB_MAX_BODY_BYTES = 262144;
function renderMarkdown(report, options = {}) {
  const maxLength = Math.max(options.maxLength ?? MARKDOWN_DEFAULT_MAX_LENGTH, MARKDOWN_MIN_LENGTH);
  const maxBytes = Math.min(
    options.maxBytes ?? GITHUB_MAX_BODY_BYTES - 1,
    GITHUB_MAX_BODY_BYTES - 1
  );
  const encoder = new TextEncoder();
  const fits = (text) => text.length <= maxLength && (text.length * 3 <= maxBytes || encoder.encode(text).length <= maxBytes);
  const context = {
    linkToLine: options.linkToLine ?? (() => null),
    fullReport: markdownLink("see the full report", options.fullReportUrl)
  };
  const sections = [
    edgeSection(report, context),
    mtlsSection(report, context),
    workloadSection(report, context),
    ...findingSections(report, context),
    ignoredSection(report, context)
  ].filter((section) => section !== null);
  const footer2 = footerLines(report, options);
  let diagram = renderMermaid(report, options.diagram);
  const build3 = (limit) => [
    ...header(report, diagram),
    ...body(sections, limit),
    ...limit === "drop" ? [] : footer2
  ].join("\n") + "\n";
  const longest = Math.max(0, ...sections.map((s) => s.rows.length));
  const whole = build3(longest);
  if (fits(whole)) return whole;
  let low = -1;
  let high = longest;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(build3(middle))) low = middle;
    else high = middle;
  }
  if (low >= 0) return build3(low);
  let dropped = build3("drop");
  for (let budget2 = diagram.text?.length ?? 0; !fits(dropped) && diagram.text !== null; ) {
    budget2 = Math.max(0, budget2 - (dropped.length - maxLength) - 1e3);
    diagram = renderMermaid(report, { ...options.diagram, maxChars: budget2 });
    dropped = build3("drop");
  }
  return dropped;
}
function header(report, diagram) {
  const lines = [
    `### meshguard: ${verdictLine(report)}`,
    "",
    ...countsTable(report),
    "",
    diagramNote(diagram),
    ""
  ];
  if (diagram.text !== null) lines.push("```mermaid", diagram.text.trimEnd(), "```", "");
  return lines;
}
function body(sections, limit) {
  return sections.flatMap((section) => {
    if (limit === "drop") return [section.omitted, ""];
    const { rows } = section;
    if (rows.length <= limit) return [...section.before, ...rows, ...section.after, ""];
    const head = Math.ceil(limit / 2);
    const tail = limit - head;
    return [
      ...section.before,
      ...rows.slice(0, head),
      section.more(rows.length - limit),
      ...rows.slice(rows.length - tail),
      ...section.after,
      ""
    ];
  });
}
function verdictLine(report) {
  const verdict2 = summariseVerdict(report);
  const outcome = verdict2.outcome === "pass" ? "pass" : verdict2.outcome === "regression" ? "**regression**" : `**fails** (${verdict2.failing})`;
  return `${verdict2.changes} \u2014 ${outcome}${verdict2.caveat}`;
}
function countsTable(report) {
  const { summary } = report;
  const findings = ["error", "warning", "notice"].filter((severity) => summary.findings[severity] > 0).map((severity) => plural(summary.findings[severity], severity)).join(", ");
  const cells = [
    ["new paths", formatCount(summary.edges.added)],
    ["removed paths", formatCount(summary.edges.removed)],
    ["widened", formatCount(summary.edges.widened)],
    ["narrowed", formatCount(summary.edges.narrowed)],
    ["changed", formatCount(summary.edges.changed)],
    ["transport", formatCount(summary.edges.transport)],
    ["mTLS weakened", formatCount(summary.mtlsWeakened)],
    ["mTLS strengthened", formatCount(summary.mtlsStrengthened)],
    [
      "workloads added / removed",
      `${formatCount(summary.workloadsAdded)} / ${formatCount(summary.workloadsRemoved)}`
    ],
    ["findings", findings === "" ? "none" : findings]
  ];
  return [
    tableRow(cells.map(([title]) => title)),
    tableRow(cells.map(() => "---:")),
    tableRow(cells.map(([, value]) => value))
  ];
}
function footerLines(report, options) {
  const ref = (value, side3) => value === void 0 ? side3 : `${side3} ${codeSpan(truncate(value, 80))}`;
  const side2 = (s) => `${plural(s.files, "file")}, ${plural(s.objects, "object")}, ${plural(s.workloads, "workload")}`;
  return [
    "---",
    "",
    `<sub>Compared ${ref(options.baseRef, "base")} (${side2(report.inputs.base)}) with ${ref(options.headRef, "head")} (${side2(report.inputs.head)}). For the evidence behind a row, comment ${codeSpan("/mesh explain <caller> -> <namespace>/<workload>:<port>")}.</sub>`
  ];
}

// src/analysis/render/text.ts
var ANSI = { green: "32", red: "31", yellow: "33", bold: "1" };
function renderText(report, options = {}) {
  const paint = (colour, text) => options.color ? `\x1B[${ANSI[colour]}m${text}\x1B[0m` : text;
  const lines = [verdict(report, paint), ""];
  lines.push(...edgeLines(report, paint), ...mtlsLines(report), ...workloadLines(report));
  lines.push(...findingLines(report), ...ignoredLines(report), footer(report, options));
  return `${lines.join("\n")}
`;
}
function verdict(report, paint) {
  const summary = summariseVerdict(report);
  const outcome = summary.outcome === "pass" ? paint("green", "pass") : summary.outcome === "regression" ? paint("red", paint("bold", "REGRESSION")) : paint("red", paint("bold", `FAIL (${summary.failing})`));
  return `meshguard: ${summary.changes} \u2014 ${outcome}${summary.caveat}`;
}
function table(rows, indent2 = "  ") {
  const widths = [];
  for (const row of rows)
    row.forEach((cell, i) => widths[i] = Math.max(widths[i] ?? 0, [...cell].length));
  return rows.map(
    (row) => indent2 + row.map(
      (cell, i) => i === row.length - 1 ? cell : cell + " ".repeat((widths[i] ?? 0) - [...cell].length)
    ).join("  ").trimEnd()
  );
}
function edgeLines(report, paint) {
  if (report.edges.length === 0) return [];
  const edges = regressionsFirst(report.edges);
  const header2 = ["CHANGE", "CALLER", "DESTINATION", "PORT", "BEFORE", "AFTER"];
  const rows = edges.map((edge) => [
    edge.change,
    terminalText(callerName(edge)),
    terminalText(edge.to),
    terminalText(`${edge.port}/${edge.protocol}`),
    describeState(edge.base),
    describeState(edge.head)
  ]);
  const [head, ...body2] = table([header2, ...rows]);
  const indent2 = " ".repeat(4);
  const out = [`Edge changes (${edges.length})`, head ?? ""];
  edges.forEach((edge, i) => {
    const line = body2[i] ?? "";
    const colour = edge.change === "added" ? "green" : edge.change === "removed" ? "red" : "yellow";
    out.push(isRegression(edge) ? paint(colour, paint("bold", line)) : paint(colour, line));
    const transport = transportChange(edge);
    if (transport !== null) out.push(`${indent2}transport ${transport}`);
    for (const request of edge.newlyAllowed) out.push(`${indent2}+ ${terminalText(request)}`);
    for (const request of edge.newlyDenied) out.push(`${indent2}- ${terminalText(request)}`);
    for (const reason of edge.reasons)
      out.push(
        `${indent2}why: ${terminalText(reason.object)}${reason.note ? `: ${terminalText(reason.note)}` : ""} (${terminalText(reason.at.file)}:${reason.at.line}${baseMark(reason.side)})`
      );
  });
  return [...out, ""];
}
function mtlsLines(report) {
  if (report.mtls.length === 0) return [];
  const rows = sortMtls(report.mtls).map((delta) => [
    terminalText(delta.workload),
    delta.port === null ? "all ports" : String(delta.port),
    delta.base,
    delta.head,
    mtlsDirection(delta),
    delta.at ? `${terminalText(delta.at.file)}:${delta.at.line}${baseMark(delta.side)}` : ""
  ]);
  return [
    `mTLS changes (${rows.length})`,
    ...table([["WORKLOAD", "PORT", "BEFORE", "AFTER", "CHANGE", "WHERE"], ...rows]),
    ""
  ];
}
function workloadLines(report) {
  const { added, removed } = report.workloads;
  if (added.length + removed.length === 0) return [];
  const row = (change2) => (w) => [
    change2,
    terminalText(w.workload),
    `${terminalText(w.at.file)}:${w.at.line}`
  ];
  const rows = [
    ...sortWorkloads(added).map(row("added")),
    ...sortWorkloads(removed).map(row("removed"))
  ];
  return [`Workloads added or removed (${rows.length})`, ...table(rows), ""];
}
function findingLine2(finding3) {
  const where = `${terminalText(finding3.at.file)}:${finding3.at.line}:${finding3.at.column}`;
  return `  ${where}: ${finding3.severity} ${finding3.code} ${terminalText(finding3.message)}${baseMark(finding3.side)}`;
}
function findingLines(report) {
  if (report.findings.length === 0) return [];
  return [
    `Findings (${report.findings.length})`,
    ...sortFindings2(report.findings).map(findingLine2),
    ""
  ];
}
function ignoredLines(report) {
  if (report.ignored.length === 0) return [];
  return [
    `Ignored findings (${report.ignored.length})`,
    ...sortFindings2(report.ignored).map(
      ({ finding: finding3, reason }) => `${findingLine2(finding3)} (ignored: ${terminalText(reason)})`
    ),
    ""
  ];
}
function footer(report, options) {
  const ref = (value, side3) => value === void 0 ? side3 : `${side3} ${terminalText(value)}`;
  const side2 = (s) => `${plural(s.files, "file")}, ${plural(s.objects, "object")}, ${plural(s.workloads, "workload")}`;
  return `Compared ${ref(options.baseRef, "base")} (${side2(report.inputs.base)}) with ${ref(options.headRef, "head")} (${side2(report.inputs.head)}).`;
}
function baseMark(side2) {
  return side2 === "base" ? " (base)" : "";
}

// src/cli/io.ts
var ExitCode = {
  ok: 0,
  findings: 1,
  usageOrInput: 2
};

// package.json
var package_default = {
  name: "meshguard",
  version: "0.1.0",
  description: "Semantic review of Istio mTLS and AuthorizationPolicy changes in pull requests",
  license: "Apache-2.0",
  type: "module",
  private: true,
  engines: {
    node: ">=20.19"
  },
  bin: {
    meshguard: "dist/cli.js"
  },
  scripts: {
    build: "node scripts/build.mjs",
    start: "node dist/app.js",
    typecheck: "tsc --noEmit",
    lint: "eslint . && prettier --check .",
    format: "prettier --write .",
    test: "tsc --noEmit && vitest run",
    demo: "node dist/cli.js diff --base examples/base --head examples/head --format markdown --fail-on never",
    bench: "node --expose-gc --import tsx bench/run.ts",
    "docs:gen": "tsx scripts/gen-docs.ts"
  },
  dependencies: {
    "@actions/core": "3.0.1",
    "@actions/github": "9.1.1",
    "@octokit/plugin-retry": "8.1.1",
    "@octokit/plugin-throttling": "11.0.5",
    diff: "9.0.0",
    probot: "14.3.2",
    yaml: "2.9.1"
  },
  devDependencies: {
    "@eslint/js": "9.39.5",
    "@octokit/webhooks-examples": "7.6.1",
    "@types/node": "20.19.43",
    ajv: "8.20.0",
    esbuild: "0.28.2",
    eslint: "9.39.5",
    "eslint-plugin-import-x": "4.18.1",
    "fast-check": "4.10.2",
    globals: "17.14.0",
    "happy-dom": "21.0.4",
    mermaid: "11.17.2",
    micromark: "4.0.3",
    "micromark-extension-gfm": "3.0.0",
    nock: "14.0.9",
    prettier: "3.10.1",
    tsx: "4.23.15",
    typescript: "6.0.3",
    "typescript-eslint": "8.73.0",
    vitest: "4.1.12"
  },
  allowScripts: {
    esbuild: false
  }
};

// src/cli/version.ts
var VERSION = package_default.version;

// src/cli/walk.ts
import { closeSync, openSync, readSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join as join2, relative, resolve, sep } from "node:path";
var SKIPPED = /* @__PURE__ */ new Set([".git", "node_modules", ".terraform", "vendor"]);
var MANIFEST2 = /\.(ya?ml|json)$/i;
function readManifestTree(roots, base = process.cwd(), select) {
  const files = [];
  const unreadable = [];
  const seen = /* @__PURE__ */ new Set();
  const display = (path) => relative(base, path).split(sep).join("/") || path;
  const visit = (path, explicit) => {
    const shown = display(path);
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      if (!explicit && select && !select.matches(shown) && !select.couldContain(shown)) return;
      unreadable.push({ path: shown, reason: reasonOf(error) });
      return;
    }
    const isDirectory = stat.isDirectory();
    if (!explicit && !selected2(shown, isDirectory, select)) return;
    if (!firstVisit(seen, path)) return;
    if (isDirectory) {
      let entries;
      try {
        entries = readdirSync(path).sort();
      } catch (error) {
        unreadable.push({ path: shown, reason: reasonOf(error) });
        return;
      }
      for (const entry of entries) if (!SKIPPED.has(entry)) visit(join2(path, entry), false);
      return;
    }
    const text = readText(path, stat, explicit);
    if (typeof text === "string") files.push({ path: shown, text });
    else unreadable.push({ path: shown, reason: text.reason });
  };
  for (const root of roots) visit(resolve(base, root), true);
  return { files, unreadable };
}
function selected2(path, isDirectory, select) {
  if (isDirectory) return select === void 0 || select.couldContain(path);
  return MANIFEST2.test(path) && (select === void 0 || select.matches(path));
}
function firstVisit(seen, path) {
  let real;
  try {
    real = realpathSync.native(path);
  } catch {
    real = path;
  }
  if (seen.has(real)) return false;
  seen.add(real);
  return true;
}
function readText(path, stat, explicit) {
  if (!stat.isFile() && !explicit)
    return { reason: "not a regular file (a pipe, socket or device)" };
  if (stat.size > MAX_FILE_BYTES) return { reason: TOO_LARGE_REASON };
  let bytes;
  try {
    bytes = readAtMost(path, MAX_FILE_BYTES + 1);
  } catch (error) {
    return { reason: reasonOf(error) };
  }
  if (bytes.byteLength > MAX_FILE_BYTES) return { reason: TOO_LARGE_REASON };
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { reason: "not valid UTF-8 text" };
  }
}
function readAtMost(path, limit) {
  const chunks = [];
  let total = 0;
  const fd = openSync(path, "r");
  try {
    while (total < limit) {
      const chunk2 = Buffer.allocUnsafe(Math.min(1024 * 1024, limit - total));
      const read = readSync(fd, chunk2, 0, chunk2.length, null);
      if (read === 0) break;
      chunks.push(chunk2.subarray(0, read));
      total += read;
    }
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(chunks, total);
}
function reasonOf(error) {
  if (error instanceof Error && "code" in error) {
    const code = String(error.code);
    if (code === "ENOENT") return "no such file or directory";
    if (code === "EACCES" || code === "EPERM") return "permission denied";
    if (code === "ELOOP") return "symbolic link loop: the link never reaches a file";
    const description = /^[A-Z0-9_]+: ([^,]+)/.exec(error.message)?.[1];
    return description ?? code;
  }
  return error instanceof Error ? error.message : String(error);
}
function unreadableDiagnostics(tree) {
  return tree.unreadable.map(
    (file) => diagnostic(
      "MG005",
      { file: file.path, documentIndex: 0, line: 1, column: 1 },
      { detail: file.reason }
    )
  );
}

// src/cli/commands/diff.ts
var DIFF_USAGE = `Usage: meshguard diff --base DIR --head DIR [--config FILE] [--format FORMAT] [--fail-on LEVEL]

Evaluates both versions of the manifests as Istio would and reports what the change does to
access (who may reach which workload, port, method and path) and to mTLS, with the findings a
zero-trust review needs and the lines that caused them.

Options:
  --base DIR         the manifests before the change (e.g. a checkout of the target branch)
  --head DIR         the manifests after the change
  --config FILE      .github/meshguard.yml: paths, severities, ignores, protected workloads...
  --format FORMAT    text (default), markdown (the PR comment), json (docs/report-schema.md) or sarif
  --fail-on LEVEL    error (default), warning or never: which findings fail the run
  --namespace NS     namespace for objects that name none (default: default)

Exit status: 0 no failing finding, 1 failing findings, 2 usage or configuration error, or input
that could not be read whole (the message names file and line).
`;
var RENDER = {
  text: (report) => renderText(report),
  markdown: (report) => renderMarkdown(report),
  json: renderJson,
  sarif: (report) => renderFindingsSarif(report, { toolVersion: VERSION })
};
function runDiff(argv, io, today) {
  const args = parseArgs(argv, {
    base: { type: "string" },
    head: { type: "string" },
    config: { type: "string" },
    format: { type: "string", choices: Object.keys(RENDER) },
    "fail-on": { type: "string", choices: ["error", "warning", "never"] },
    namespace: { type: "string" },
    help: { type: "boolean" }
  });
  if (args.flags.help === true) {
    io.stdout(DIFF_USAGE);
    return ExitCode.ok;
  }
  const baseDir = stringFlag(args, "base");
  const headDir = stringFlag(args, "head");
  if (baseDir === void 0 || headDir === void 0)
    throw new UsageError("diff needs --base DIR and --head DIR");
  if (args.positionals.length > 0)
    throw new UsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`);
  const flags = flagOptions(args);
  const config = readConfig(stringFlag(args, "config"), io);
  if (config === null) return ExitCode.usageOrInput;
  const options = {
    ...config.options,
    ...flags,
    today: today()
  };
  const base = readSide(baseDir, io.cwd, config.paths);
  const head = readSide(headDir, io.cwd, config.paths);
  const report = analyzeChange({
    base: base.files,
    head: head.files,
    options,
    problems: { unreadable: { base: base.unreadable, head: head.unreadable } }
  });
  const render2 = RENDER[stringFlag(args, "format") ?? "text"] ?? renderText;
  io.stdout(render2(report));
  if (report.inputs.partial) {
    io.stderr(
      "meshguard diff: some input could not be read whole; the answer is partial (see the findings)\n"
    );
    return ExitCode.usageOrInput;
  }
  return report.verdict === "fail" ? ExitCode.findings : ExitCode.ok;
}
function flagOptions(args) {
  const failOn = stringFlag(args, "fail-on");
  return {
    ...failOn === void 0 ? {} : { failOn },
    ...namespaceFlag(args)
  };
}
function readSide(root, cwd, paths) {
  const base = resolve2(cwd, root);
  const tree = readManifestTree([base], base, paths === null ? void 0 : compileGlobs(paths));
  return {
    files: [...tree.files],
    unreadable: tree.unreadable.map((file) => ({
      // A missing root is shown as the user wrote it, not as an absolute path.
      path: file.path === base ? root : file.path,
      reason: file.reason
    }))
  };
}
function readConfig(path, io) {
  if (path === void 0) return { options: {}, paths: null };
  let text;
  try {
    text = readFileSync(resolve2(io.cwd, path), "utf8");
  } catch (error) {
    io.stderr(
      `meshguard diff: cannot read the configuration ${path}: ${error instanceof Error ? error.message : String(error)}
`
    );
    return null;
  }
  const parsed = parseConfig(text, path);
  for (const problem of parsed.problems) {
    io.stderr(
      `${problem.file}:${problem.line}:${problem.column}: ${problem.severity}${problem.field ? ` ${problem.field}` : ""}: ${problem.message}
`
    );
  }
  if (parsed.problems.some((p) => p.severity === "error")) return null;
  if (parsed.config.render.length > 0)
    io.stderr(
      "meshguard diff: `render` commands are run by the Action and the App only; pass rendered directories here\n"
    );
  return {
    options: parsed.config.analyze,
    paths: parsed.config.paths === DEFAULT_PATHS ? null : parsed.config.paths
  };
}

// src/analysis/explain/suggest.ts
function suggest(wanted, known, limit = 3) {
  const name = nameOf(wanted);
  const scored = known.map((id) => ({
    id,
    score: nameOf(id) === name ? 0 : distance(wanted, id, budget(wanted))
  })).filter((candidate) => candidate.score <= budget(wanted)).sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, limit).map((candidate) => candidate.id);
}
function nameOf(id) {
  return id.slice(id.indexOf("/") + 1).split("@")[0] ?? id;
}
function budget(text) {
  return Math.max(2, Math.floor(text.length / 3));
}
function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

// src/analysis/explain/resolve.ts
function resolveCaller(topology, id) {
  if (id === UNAUTHENTICATED) return { value: { kind: "unauthenticated", id: UNAUTHENTICATED } };
  if (id === ANY_MESH_IDENTITY)
    return { value: { kind: "any-mesh-identity", id: ANY_MESH_IDENTITY } };
  const workload = topology.workloadById.get(id);
  if (workload !== void 0) return { value: { kind: "workload", id, workload } };
  return { problem: { kind: "unknown-caller", id, suggestions: suggestIds(topology, id) } };
}
function resolveWorkload(topology, id) {
  const workload = topology.workloadById.get(id);
  if (workload !== void 0) return { value: workload };
  return { problem: { kind: "unknown-workload", id, suggestions: suggestIds(topology, id) } };
}
function suggestIds(topology, id) {
  return suggest(
    id,
    topology.workloads.map((w) => w.id)
  );
}
function resolvePorts(workload, requested) {
  if (requested === null) {
    if (workload.ports.length === 0)
      return { problem: { kind: "no-ports", workload: workload.id } };
    return {
      value: workload.ports.map((port) => ({
        port,
        choice: { requested: null, as: "every-port", service: null }
      }))
    };
  }
  const direct = workload.ports.find((p) => p.port === requested);
  if (direct !== void 0)
    return {
      value: [{ port: direct, choice: { requested, as: "workload-port", service: null } }]
    };
  const viaService = workload.ports.flatMap(
    (port) => port.exposedBy.filter((exposure) => exposure.servicePort === requested).map((exposure) => ({
      port,
      choice: {
        requested,
        as: "service-port",
        service: { ref: exposure.service, port: exposure.servicePort }
      }
    }))
  );
  if (viaService.length > 0) return { value: viaService };
  return {
    problem: {
      kind: "unknown-port",
      workload: workload.id,
      port: requested,
      ports: workload.ports.map(describePort)
    }
  };
}
function describePort(port) {
  const services = port.exposedBy.map(
    (e) => `Service ${e.service.namespace}/${e.service.name} port ${e.servicePort}`
  );
  return services.length === 0 ? String(port.port) : `${port.port} (${services.join(", ")})`;
}
function problemMessage(problem) {
  switch (problem.kind) {
    case "unknown-caller":
    case "unknown-workload": {
      const what = problem.kind === "unknown-caller" ? "caller" : "workload";
      const hint = problem.suggestions.length === 0 ? "" : `; did you mean ${problem.suggestions.map((s) => quote(s)).join(" or ")}?`;
      return `no ${what} ${quote(problem.id)} in the manifests${hint}`;
    }
    case "unknown-port":
      return `${quote(problem.workload)} has no port ${quote(problem.port)}; its ports: ${problem.ports.length === 0 ? "none" : problem.ports.map((p) => quote(p)).join(", ")}`;
    case "no-ports":
      return `${quote(problem.workload)} declares no port: no container port, and no Service selects it`;
  }
}

// src/analysis/explain/selector-miss.ts
var MAX_MISSES = 3;
function selectorMisses(engine, topology, workload, labelsOf2) {
  const labels = labelsOf2(workload);
  const { rootNamespace, byNamespace: byNamespace2 } = engine.index;
  const namespaces = workload.namespace === rootNamespace ? [rootNamespace] : [rootNamespace, workload.namespace];
  const misses = [];
  for (const namespace of namespaces)
    for (const policy of byNamespace2.get(namespace) ?? []) {
      const selector = policy.selector;
      if (selector === null || policy.targetRefs.length > 0) continue;
      const keys2 = Object.keys(selector.matchLabels).sort(compareText);
      if (keys2.length === 0 || !keys2.every((key) => labels[key] !== void 0)) continue;
      const differing = keys2.filter((key) => labels[key] !== selector.matchLabels[key]);
      if (differing.length === 0) continue;
      const score = closeness(
        differing.map((key) => [selector.matchLabels[key] ?? "", labels[key] ?? ""])
      );
      if (score === null || selectsAny(policy, topology, rootNamespace, labelsOf2)) continue;
      misses.push({
        score,
        miss: {
          policy: policy.ref,
          action: policy.action,
          at: selector.at,
          wants: differing.map((key) => `${key}=${selector.matchLabels[key] ?? ""}`),
          has: differing.map((key) => `${key}=${labels[key] ?? ""}`)
        }
      });
    }
  return misses.sort((a, b) => a.score - b.score).slice(0, MAX_MISSES).map((m) => m.miss);
}
function closeness(pairs) {
  let total = 0;
  for (const [wanted, actual] of pairs) {
    const budget2 = Math.max(2, Math.floor(Math.max(wanted.length, actual.length) / 3));
    const edits = distance(wanted, actual, budget2);
    const related = actual.includes(wanted) || wanted.includes(actual) || edits <= budget2;
    if (!related || wanted === "" || actual === "") return null;
    total += Math.min(edits, budget2 + 1);
  }
  return total;
}
function selectsAny(policy, topology, root, labelsOf2) {
  const matchLabels = policy.selector?.matchLabels ?? {};
  return topology.workloads.some(
    (w) => (policy.ref.namespace === root || w.namespace === policy.ref.namespace) && selects(matchLabels, labelsOf2(w))
  );
}

// src/analysis/explain/edge.ts
function explainEdge(side2, query) {
  const caller = resolveCaller(side2.topology, query.from);
  if ("problem" in caller) return { kind: "problem", problem: caller.problem };
  const workload = resolveWorkload(side2.topology, query.to);
  if ("problem" in workload) return { kind: "problem", problem: workload.problem };
  const ports = resolvePorts(workload.value, query.port);
  if ("problem" in ports) return { kind: "problem", problem: ports.problem };
  const request = {
    ...query.method === null ? {} : { method: query.method },
    ...query.path === null ? {} : { path: query.path }
  };
  const answers = ports.value.map(
    (chosen) => answerPort(side2, caller.value, workload.value, chosen, request)
  );
  const denied = answers.some((answer) => answer.access !== "allow");
  return {
    kind: "answer",
    explanation: {
      query,
      caller: {
        id: caller.value.id,
        kind: caller.value.kind,
        identity: side2.mtls.identity(caller.value)
      },
      workload: workload.value.id,
      ports: answers,
      selectorMisses: denied ? selectorMisses(
        side2.authz,
        side2.topology,
        workload.value,
        (w) => side2.mtls.selectorLabels(w)
      ) : [],
      partialInput: side2.diagnostics.some((d) => isPartialInput(d.code))
    }
  };
}
function answerPort(side2, caller, workload, chosen, request) {
  const { port, choice } = chosen;
  const { alternatives, ...primary } = side2.mtls.transport(caller, workload, port.port);
  const paths = [primary, ...alternatives];
  const service = choice.service;
  const transport = (service === null ? void 0 : paths.find(
    (t) => t.via !== null && t.via.kind === service.ref.kind && t.via.namespace === service.ref.namespace && t.via.name === service.ref.name && t.servicePort === service.port
  )) ?? primary;
  const base = {
    port: port.port,
    name: port.name,
    protocol: port.protocol,
    chain: port.chain,
    choice,
    transport,
    otherPaths: paths.filter((t) => t !== transport && t.transport !== transport.transport)
  };
  if (transport.transport === "broken") {
    const identity = policyPeer(side2.mesh.settings, caller, side2.mtls.identity(caller));
    return {
      ...base,
      access: "deny",
      authorization: null,
      // Without a sidecar the caller has no identity to present: fixing the transport means
      // giving it one first, so there is no "if connected" answer to give.
      ifConnected: identity === null ? null : explainAccess(side2.authz, workload, port.port, identity, request),
      exact: transport.exact,
      summary: "denied: the connection fails before authorization is evaluated"
    };
  }
  const peer = policyPeer(side2.mesh.settings, caller, transport.peer);
  const authorization = explainAccess(side2.authz, workload, port.port, peer, request);
  return {
    ...base,
    access: authorization.access,
    authorization,
    ifConnected: null,
    exact: transport.exact && authorization.exact,
    summary: authorization.summary
  };
}

// src/analysis/explain/content-key.ts
function contentKey2(value) {
  return JSON.stringify(canonical(value));
}
var DROPPED = /* @__PURE__ */ new Set(["source", "at", "apiVersion", "labels", "annotations"]);
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== "object" || value === null) return value;
  const out = {};
  for (const key of Object.keys(value).sort()) {
    if (DROPPED.has(key) || /At$/.test(key)) continue;
    out[key] = canonical(value[key]);
  }
  return out;
}

// src/analysis/explain/change.ts
function explainChange(base, head, query) {
  const before = explainEdge(base, query);
  const after = explainEdge(head, query);
  if (before.kind === "problem" && after.kind === "problem")
    return { kind: "problem", problem: mergeProblems(after.problem, before.problem) };
  const baseWorkload = base.topology.workloadById.get(query.to);
  const headWorkload = head.topology.workloadById.get(query.to);
  return {
    kind: "answer",
    explanation: {
      query,
      base: before,
      head: after,
      ports: portChanges(before, after),
      policies: baseWorkload === void 0 || headWorkload === void 0 ? [] : policyChanges(base, baseWorkload, head, headWorkload)
    }
  };
}
function mergeProblems(head, base) {
  if ((head.kind === "unknown-caller" || head.kind === "unknown-workload") && base.kind === head.kind) {
    const suggestions = [.../* @__PURE__ */ new Set([...head.suggestions, ...base.suggestions])].slice(0, 3);
    return { ...head, suggestions };
  }
  return head;
}
function portChanges(before, after) {
  const answers = (result) => new Map(
    result.kind === "answer" ? result.explanation.ports.map((p) => [p.port, p]) : []
  );
  const baseByPort = answers(before);
  const headByPort = answers(after);
  const numbers = [.../* @__PURE__ */ new Set([...baseByPort.keys(), ...headByPort.keys()])].sort((a, b) => a - b);
  return numbers.map((port) => {
    const base = baseByPort.get(port) ?? null;
    const head = headByPort.get(port) ?? null;
    return {
      port,
      base,
      head,
      accessChanged: base?.access !== head?.access,
      transportChanged: transportKey(base) !== transportKey(head),
      reasonsChanged: reasonsKey(base) !== reasonsKey(head)
    };
  });
}
function transportKey(answer) {
  if (answer === null) return "";
  const t = answer.transport;
  return [t.transport, t.peer?.principal ?? "", t.client.effective, t.server.mode].join("|");
}
function reasonsKey(answer) {
  const explanation = answer?.authorization ?? answer?.ifConnected ?? null;
  if (explanation === null) return "";
  const refs = (rules) => rules.map((r) => `${r.ref.action} ${formatRef(r.ref.policy)} ${r.ref.rule ?? "-"}`);
  return [
    ...refs(explanation.custom),
    ...refs(explanation.deny),
    ...refs(explanation.allow),
    ...explanation.allowPolicies.map((p) => `policy ${formatRef(p.policy)}`)
  ].sort(compareText).join("\n");
}
function policyChanges(base, baseWorkload, head, headWorkload) {
  const scopeOf = (side2, workload) => {
    const scope = side2.authz.destination(workload).scope;
    return new Map([...scope.enforced, ...scope.dryRun].map((p) => [refKey(p.ref), p]));
  };
  const before = scopeOf(base, baseWorkload);
  const after = scopeOf(head, headWorkload);
  const baseAll = new Map(base.mesh.authorizationPolicies.map((p) => [refKey(p.ref), p]));
  const headAll = new Map(head.mesh.authorizationPolicies.map((p) => [refKey(p.ref), p]));
  const changes = [];
  for (const [key, policy] of after) {
    const old = before.get(key);
    if (old === void 0) {
      const existed = baseAll.get(key);
      changes.push(
        existed === void 0 ? change(policy, "added", "head", "a new policy that applies to this workload") : change(policy, "now-applies", "head", attachmentNote(existed, policy, headWorkload))
      );
    } else if (contentKey2(old) !== contentKey2(policy))
      changes.push(change(policy, "modified", "head", "its spec differs between base and head"));
  }
  for (const [key, policy] of before) {
    if (after.has(key)) continue;
    const still = headAll.get(key);
    changes.push(
      still === void 0 ? change(policy, "removed", "base", "the policy was deleted") : change(still, "no-longer-applies", "head", detachmentNote(still, headWorkload))
    );
  }
  return changes.sort(
    (a, b) => compareText(refKey(a.policy), refKey(b.policy)) || compareText(a.change, b.change)
  );
}
function change(policy, kind, side2, note) {
  const at = (kind === "now-applies" || kind === "no-longer-applies") && policy.selector !== null ? policy.selector.at : policy.source;
  return { policy: policy.ref, change: kind, at, side: side2, note };
}
function detachmentNote(policy, workload) {
  if (policy.targetRefs.length > 0)
    return "it now has targetRefs, which sidecars ignore (waypoints and gateways enforce it)";
  const labels = workload.workload.podLabels;
  const differing = Object.entries(policy.selector?.matchLabels ?? {}).filter(
    ([key, value]) => labels[key] !== value
  );
  if (differing.length === 0) return "it no longer selects this workload";
  const wants = differing.map(([key, value]) => quote(`${key}=${value}`)).join(", ");
  const has = differing.map(
    ([key]) => labels[key] === void 0 ? `no ${quote(key)}` : quote(`${key}=${labels[key]}`)
  ).join(", ");
  return `its selector wants ${wants}; the workload has ${has}`;
}
function attachmentNote(before, after, workload) {
  if (before.targetRefs.length > 0 && after.targetRefs.length === 0)
    return "its targetRefs were removed, so the sidecar now enforces it";
  return contentKey2(before.selector) === contentKey2(after.selector) ? `the workload's labels now match its selector (${quote(workload.id)})` : "its selector now matches this workload";
}

// src/analysis/explain/side.ts
function withAuthz(side2) {
  const authz = createAuthzEngine(side2.mesh, {
    dataplaneOf: (workload) => side2.mtls.dataplane(workload).dataplane,
    labelsOf: (workload) => side2.mtls.selectorLabels(workload)
  });
  return {
    mesh: side2.mesh,
    topology: side2.topology,
    mtls: side2.mtls,
    authz,
    diagnostics: side2.diagnostics ?? []
  };
}
function explainSideOf(files, options = {}) {
  const side2 = evaluateSide(files, options);
  return withAuthz({ ...side2, diagnostics: side2.load.diagnostics });
}

// src/analysis/explain/query.ts
var NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
var NAME2 = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
var KIND7 = /^[a-z]{1,32}$/;
var METHOD = /^[A-Z][A-Z-]{0,31}$/;
var PATH = /^\/[\x21-\x7e]{0,2047}$/;
var PSEUDO_CALLERS = {
  [UNAUTHENTICATED]: UNAUTHENTICATED,
  unauthenticated: UNAUTHENTICATED,
  [ANY_MESH_IDENTITY]: ANY_MESH_IDENTITY,
  "any-mesh-identity": ANY_MESH_IDENTITY
};
function isWorkloadId(text) {
  const [path = "", kind, extraKind] = text.split("@");
  const [namespace, name, extra] = path.split("/");
  return extra === void 0 && extraKind === void 0 && (kind === void 0 || KIND7.test(kind)) && namespace !== void 0 && name !== void 0 && NAMESPACE.test(namespace) && NAME2.test(name);
}
function parseCaller(text) {
  const pseudo = PSEUDO_CALLERS[text.trim()];
  if (pseudo !== void 0) return pseudo;
  return isWorkloadId(text) ? text : null;
}
function parseDestination(text) {
  const [to = "", portText, extra] = text.split(":");
  if (!isWorkloadId(to) || extra !== void 0)
    return { error: `${quote(clip(text))} is not \`namespace/workload[:port]\`` };
  if (portText === void 0) return { value: { to, port: null } };
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535))
    return { error: `${quote(clip(portText))} is not a port number (1-65535)` };
  return { value: { to, port } };
}
function methodProblem(method) {
  return METHOD.test(method) ? null : `${quote(clip(method))} is not an HTTP method (upper case, such as \`GET\`)`;
}
function pathProblem(path) {
  return PATH.test(path) ? null : `${quote(clip(path))} is not a request path (it starts with \`/\` and has no spaces)`;
}
function clip(text) {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

// src/analysis/render/explain.ts
var EXPLAIN_SCHEMA_VERSION = 1;
function renderExplainText(e) {
  const lines = [];
  const caller = e.peer === null ? "plaintext caller (no identity)" : e.peer.principal;
  const query = [e.query.method, e.query.path].filter((q) => q !== void 0).join(" ");
  lines.push(
    `${e.workload} port ${e.port} (${e.chain})${query === "" ? "" : ` ${query}`} from ${caller}: ${e.access}${e.exact ? "" : " (approximate)"}`
  );
  lines.push(`  ${e.summary}`);
  if (e.access === "partial" && e.requests.length > 0) {
    lines.push("", "Allowed requests:");
    for (const r of e.requests) lines.push(`  ${r}`);
  }
  const decided = [...e.custom, ...e.deny, ...e.allow];
  if (decided.length > 0) {
    lines.push("", "Decided by:");
    for (const r of decided) lines.push(...ruleLines(r));
  }
  if (e.access === "deny" && e.allow.length === 0 && e.allowPolicies.length > 0) {
    lines.push("", "ALLOW policies that matched nothing:");
    for (const p of e.allowPolicies) lines.push(`  ${formatRef(p.policy)}  ${formatSource(p.at)}`);
  }
  if (e.audit.length > 0) {
    lines.push("", "Audited (no effect on access):");
    for (const r of e.audit) lines.push(...ruleLines(r));
  }
  if (e.notes.length > 0) {
    lines.push("", "Notes:");
    for (const n of e.notes)
      lines.push(`  ${formatRef(n.policy)}: ${n.note}  ${formatSource(n.at)}`);
  }
  if (e.nearest !== null) {
    lines.push(
      "",
      `Nearest ALLOW rule: ${refText(e.nearest.ref)}  ${formatSource(e.nearest.ref.at)}`,
      "  it still requires:"
    );
    for (const m of e.nearest.missing)
      lines.push(`    ${m.part}: ${m.requires}  ${formatSource(m.at)}`);
  }
  return `${lines.join("\n")}
`;
}
function ruleLines(r) {
  const head = `  ${r.ref.action.padEnd(6)} ${refText(r.ref)}${r.chain === "tcp" ? " (TCP chain)" : ""}  ${formatSource(r.ref.at)}`;
  return [head, ...r.requests.map((q) => `         matches: ${q}`)];
}
function refText(ref) {
  return `${formatRef(ref.policy)}${ref.rule === null ? "" : ` rule ${ref.rule}`}`;
}
function explanationJson(e) {
  return {
    workload: e.workload,
    port: e.port,
    chain: e.chain,
    caller: e.peer === null ? null : e.peer.principal,
    query: { method: e.query.method ?? null, path: e.query.path ?? null },
    access: e.access,
    exact: e.exact,
    notEvaluated: e.notEvaluated,
    summary: e.summary,
    requests: e.requests,
    custom: e.custom.map(ruleJson),
    deny: e.deny.map(ruleJson),
    allow: e.allow.map(ruleJson),
    audit: e.audit.map(ruleJson),
    allowPolicies: e.allowPolicies.map(policyJson),
    notes: e.notes.map(policyJson),
    nearest: e.nearest === null ? null : { ...refJson(e.nearest.ref), missing: e.nearest.missing.map(missingJson) }
  };
}
function position2(at) {
  return { file: at.file, line: at.line, column: at.column };
}
function refJson(ref) {
  return { policy: formatRef(ref.policy), action: ref.action, rule: ref.rule, ...position2(ref.at) };
}
function ruleJson(r) {
  return { ...refJson(r.ref), chain: r.chain, matches: r.requests };
}
function policyJson(p) {
  return { policy: formatRef(p.policy), note: p.note, ...position2(p.at) };
}
function missingJson(m) {
  return { part: m.part, requires: m.requires, ...position2(m.at) };
}

// src/analysis/render/explain-words.ts
function accessWords(access) {
  return access === "allow" ? "allowed" : access === "partial" ? "allowed for some requests" : "denied";
}
function transportWords(transport) {
  return transport === "mtls" ? "mTLS" : transport === "plaintext" ? "plaintext" : "broken (the connection fails)";
}
function decisionWords(answer) {
  if (answer.transport.transport === "broken") return "denied: the connection fails";
  const requests2 = answer.authorization?.requests ?? [];
  return answer.access === "partial" && requests2.length > 0 ? `${accessWords(answer.access)}: ${requests2.join("; ")}` : accessWords(answer.access);
}
function choiceWords(choice) {
  if (choice.as !== "service-port" || choice.service === null) return "";
  return `Service port ${choice.service.port} of ${formatRef(choice.service.ref)}`;
}
function evidenceWords(evidence2) {
  return evidence2.ref === null ? evidence2.note : `${formatRef(evidence2.ref)}: ${evidence2.note}`;
}
var CHANGE_WORDS = {
  added: "added",
  removed: "removed",
  modified: "edited",
  "now-applies": "now applies",
  "no-longer-applies": "no longer applies"
};

// src/analysis/render/explain-edge.ts
function renderEdgeText(explanation) {
  return printable(edgeLines2(explanation));
}
function edgeLines2(e) {
  const lines = [];
  const identity = e.caller.identity === null ? "no mesh identity" : e.caller.identity.principal;
  lines.push(
    `${e.caller.id} -> ${e.workload} (identity it presents where the hop is mTLS: ${identity})`
  );
  if (e.partialInput) lines.push("  note: some input could not be read; the answer may be partial");
  for (const answer of e.ports) lines.push("", ...portLines(answer));
  if (e.selectorMisses.length > 0) {
    lines.push(
      "",
      "Policies that select no workload, and differ from this one only in label values:"
    );
    for (const miss of e.selectorMisses)
      lines.push(
        `  ${formatRef(miss.policy)} (${miss.action}) wants ${miss.wants.join(", ")}; the workload has ${miss.has.join(", ")}  ${formatSource(miss.at)}`
      );
  }
  return lines;
}
function portLines(answer) {
  const via = choiceWords(answer.choice);
  const lines = [
    `port ${answer.port} (${answer.name === null ? "" : `name ${answer.name}, `}${answer.chain} chain${via === "" ? "" : `; asked as ${via}`}): ${decisionWords(answer)}${answer.exact ? "" : " (approximate)"}`,
    ...transportLines(answer.transport, "  ")
  ];
  for (const other of answer.otherPaths)
    lines.push(
      `  through ${other.via === null ? "the pod IP" : formatRef(other.via)} instead:`,
      ...transportLines(other, "    ")
    );
  if (answer.authorization !== null) {
    lines.push("  authorization:", ...indent(renderExplainText(answer.authorization), "    "));
  } else if (answer.ifConnected !== null) {
    lines.push(
      "  authorization if the caller reached the port over mTLS:",
      ...indent(renderExplainText(answer.ifConnected), "    ")
    );
  }
  return lines;
}
function transportLines(t, pad) {
  const peer = t.peer === null ? "no peer identity" : `peer ${t.peer.principal}`;
  const via = t.via === null ? "direct to the pod" : `via ${formatRef(t.via)} port ${t.servicePort ?? "?"}`;
  const lines = [
    `${pad}transport: ${transportWords(t.transport)}, ${peer}, ${via}${t.exact ? "" : " (approximate)"}`,
    `${pad}  ${t.reason}`
  ];
  for (const [side2, evidence2] of [
    ["client", t.client.evidence],
    ["server", t.server.evidence]
  ])
    for (const e of evidence2)
      lines.push(
        `${pad}  ${side2}: ${evidenceWords(e)}${e.at === null ? "" : `  ${formatSource(e.at)}`}`
      );
  return lines;
}
function printable(lines) {
  return `${lines.map(terminalText).join("\n")}
`;
}
function indent(text, pad) {
  return text.replace(/\n$/, "").split("\n").map((line) => line === "" ? "" : `${pad}${line}`);
}
function renderChangeText(c) {
  const lines = [`${c.query.from} -> ${c.query.to}: base and head`];
  for (const port of c.ports) {
    const side2 = (answer) => answer === null ? "no such port" : answer.transport.transport === "broken" ? `${decisionWords(answer)} (broken transport)` : `${decisionWords(answer)}; ${transportWords(answer.transport.transport)}`;
    const changed = [
      port.accessChanged ? "access" : "",
      port.transportChanged ? "transport" : "",
      port.reasonsChanged && !port.accessChanged ? "deciding rules" : ""
    ].filter((w) => w !== "");
    lines.push(
      `  port ${port.port}: ${changed.length === 0 ? "unchanged" : `${changed.join(", ")} changed`}`,
      `    base: ${side2(port.base)}`,
      `    head: ${side2(port.head)}`
    );
  }
  if (c.policies.length > 0) {
    lines.push("", "AuthorizationPolicies of the destination that changed:");
    for (const p of c.policies) lines.push(`  ${policyChangeText(p)}`);
  }
  for (const [name, result] of [
    ["base", c.base],
    ["head", c.head]
  ])
    lines.push("", `== ${name} ==`, ...sideLines(result));
  return printable(lines);
}
function sideLines(result) {
  return result.kind === "problem" ? [problemMessage(result.problem)] : edgeLines2(result.explanation);
}
function policyChangeText(p) {
  return `${CHANGE_WORDS[p.change]}: ${formatRef(p.policy)}: ${p.note}  ${formatSource(p.at)} (${p.side})`;
}
function renderEdgeJson(e) {
  return `${JSON.stringify({ schemaVersion: EXPLAIN_SCHEMA_VERSION, ...edgeJson2(e) }, null, 2)}
`;
}
function renderChangeJson(c) {
  const side2 = (result) => result.kind === "problem" ? { problem: { ...result.problem, message: problemMessage(result.problem) } } : edgeJson2(result.explanation);
  return `${JSON.stringify(
    {
      schemaVersion: EXPLAIN_SCHEMA_VERSION,
      query: c.query,
      changes: c.ports.map((p) => ({
        port: p.port,
        base: p.base === null ? null : { access: p.base.access, transport: p.base.transport.transport },
        head: p.head === null ? null : { access: p.head.access, transport: p.head.transport.transport },
        accessChanged: p.accessChanged,
        transportChanged: p.transportChanged,
        reasonsChanged: p.reasonsChanged
      })),
      policies: c.policies.map((p) => ({
        policy: formatRef(p.policy),
        change: p.change,
        note: p.note,
        side: p.side,
        ...position3(p.at)
      })),
      base: side2(c.base),
      head: side2(c.head)
    },
    null,
    2
  )}
`;
}
function edgeJson2(e) {
  return {
    query: e.query,
    caller: {
      id: e.caller.id,
      kind: e.caller.kind,
      identity: e.caller.identity?.principal ?? null
    },
    workload: e.workload,
    partialInput: e.partialInput,
    ports: e.ports.map((p) => ({
      port: p.port,
      name: p.name,
      protocol: p.protocol,
      chain: p.chain,
      askedAs: p.choice.as,
      service: p.choice.service === null ? null : { service: formatRef(p.choice.service.ref), port: p.choice.service.port },
      access: p.access,
      decision: accessWords(p.access),
      exact: p.exact,
      summary: p.summary,
      transport: transportJson(p.transport),
      otherPaths: p.otherPaths.map(transportJson),
      authorization: p.authorization === null ? null : explanationJson(p.authorization),
      ifConnected: p.ifConnected === null ? null : explanationJson(p.ifConnected)
    })),
    selectorMisses: e.selectorMisses.map((m) => ({
      policy: formatRef(m.policy),
      action: m.action,
      wants: m.wants,
      has: m.has,
      ...position3(m.at)
    }))
  };
}
function transportJson(t) {
  const evidence2 = (list) => list.map((e) => ({
    object: e.ref === null ? null : formatRef(e.ref),
    note: e.note,
    ...e.at === null ? { file: null, line: null, column: null } : position3(e.at)
  }));
  return {
    transport: t.transport,
    peer: t.peer?.principal ?? null,
    reason: t.reason,
    exact: t.exact,
    via: t.via === null ? null : formatRef(t.via),
    servicePort: t.servicePort,
    client: {
      mode: t.client.mode,
      effective: t.client.effective,
      evidence: evidence2(t.client.evidence)
    },
    server: { mode: t.server.mode, level: t.server.level, evidence: evidence2(t.server.evidence) }
  };
}
function position3(at) {
  return { file: at.file, line: at.line, column: at.column };
}

// src/analysis/render/validation.ts
function renderValidationText(result) {
  const lines = result.diagnostics.map(diagnosticLine);
  lines.push(summaryLine(result));
  return `${lines.join("\n")}
`;
}
function diagnosticLine(d) {
  const where = `${terminalText(d.at.file)}:${d.at.line}:${d.at.column}`;
  const what = d.ref ? ` (${terminalText(formatRef(d.ref))})` : "";
  return `${where}: ${d.severity} ${d.code} ${terminalText(d.message)}${what}`;
}
function summaryLine(result) {
  const count = (severity) => result.diagnostics.filter((d) => d.severity === severity).length;
  const { stats } = result;
  const skipped = stats.notKubernetes + stats.notModelled;
  return `${plural2(stats.files, "file")}, ${plural2(stats.documents, "document")}, ${plural2(stats.objects, "object")} modelled` + (skipped > 0 ? `, ${skipped} skipped (${stats.notModelled} of kinds meshguard does not read, ${stats.notKubernetes} not Kubernetes)` : "") + (stats.templates > 0 ? `, ${plural2(stats.templates, "template")} not rendered` : "") + `: ${plural2(count("error"), "error")}, ${plural2(count("warning"), "warning")}`;
}
function plural2(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
var VALIDATION_SCHEMA_VERSION = 1;
function renderValidationJson(result) {
  return `${JSON.stringify(
    {
      schemaVersion: VALIDATION_SCHEMA_VERSION,
      stats: result.stats,
      diagnostics: result.diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        message: d.message,
        file: d.at.file,
        line: d.at.line,
        column: d.at.column,
        ...d.ref ? { object: formatRef(d.ref) } : {}
      }))
    },
    null,
    2
  )}
`;
}

// src/cli/commands/explain.ts
var EXPLAIN_USAGE = `Usage: meshguard explain --dir DIR --from ns/workload --to ns/workload[:port]
                         [--method M] [--path P] [--format text|json]
       meshguard explain --base DIR --head DIR --from ... --to ... (explain a change)

Explains whether a caller can reach a workload, per port: the transport (mtls, plaintext or
broken) with the PeerAuthentication and DestinationRule lines that decided it, the peer identity
the server sees, and the authorization decision with the policies and rules that made it
(file:line); for a denial, the nearest ALLOW rule and what it still requires. With --base and
--head, both answers and what changed between them.

Options:
  --dir DIR          the manifests (repeatable)
  --base DIR         the manifests before a change; with --head
  --head DIR         the manifests after it
  --from ID          the caller: namespace/workload, (unauthenticated) or (any mesh identity)
  --to ID[:PORT]     the destination workload; PORT is a workload port or a Service port of it
                     (default: every port of the workload)
  --method M         an HTTP method, such as GET
  --path P           an HTTP path, such as /api/v1/items
  --format FORMAT    text (default) or json
  --namespace NS     namespace for objects that name none (default: default)

Exit status: 0 answered, 2 usage error, unknown workload or port, or input that could not be
read whole (the answer is still printed; stderr names each file and line).
`;
function runExplain(argv, io) {
  const args = parseArgs(argv, {
    dir: { type: "list" },
    base: { type: "string" },
    head: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    method: { type: "string" },
    path: { type: "string" },
    format: { type: "string", choices: ["text", "json"] },
    namespace: { type: "string" },
    help: { type: "boolean" }
  });
  if (args.flags.help === true) {
    io.stdout(EXPLAIN_USAGE);
    return ExitCode.ok;
  }
  const query = readQuery(args);
  const json = stringFlag(args, "format") === "json";
  const options = namespaceFlag(args);
  const roots = [...args.positionals, ...listFlag(args, "dir")];
  const base = stringFlag(args, "base");
  const head = stringFlag(args, "head");
  if (base === void 0 !== (head === void 0))
    throw new UsageError("--base and --head go together");
  if (base !== void 0 && head !== void 0) {
    if (roots.length > 0) throw new UsageError("give either --dir or --base and --head, not both");
    const before = readSide2([base], io, options);
    const after = readSide2([head], io, options);
    const result2 = explainChange(before.side, after.side, query);
    if (result2.kind === "problem") return fail(io, problemMessage(result2.problem));
    io.stdout(json ? renderChangeJson(result2.explanation) : renderChangeText(result2.explanation));
    return before.partial || after.partial ? ExitCode.usageOrInput : ExitCode.ok;
  }
  if (roots.length === 0) throw new UsageError("explain needs --dir DIR (or --base and --head)");
  const { side: side2, partial } = readSide2(roots, io, options);
  const result = explainEdge(side2, query);
  if (result.kind === "problem") return fail(io, problemMessage(result.problem));
  io.stdout(json ? renderEdgeJson(result.explanation) : renderEdgeText(result.explanation));
  return partial ? ExitCode.usageOrInput : ExitCode.ok;
}
function readQuery(args) {
  const fromText = stringFlag(args, "from");
  const toText = stringFlag(args, "to");
  if (fromText === void 0 || toText === void 0)
    throw new UsageError("explain needs --from and --to");
  const from = parseCaller(fromText);
  if (from === null)
    throw new UsageError(
      `--from ${JSON.stringify(fromText)} is not namespace/workload, (unauthenticated) or (any mesh identity)`
    );
  const destination = parseDestination(toText);
  if ("error" in destination) throw new UsageError(`--to: ${destination.error}`);
  const method = stringFlag(args, "method") ?? null;
  const path = stringFlag(args, "path") ?? null;
  const problem = (method === null ? null : methodProblem(method)) ?? (path === null ? null : pathProblem(path));
  if (problem !== null) throw new UsageError(problem);
  return { from, ...destination.value, method, path };
}
function readSide2(roots, io, options) {
  const tree = readManifestTree(roots, io.cwd);
  const files = tree.files;
  const side2 = explainSideOf(files, options);
  const diagnostics = [...unreadableDiagnostics(tree), ...side2.diagnostics];
  const partial = diagnostics.filter((d) => isPartialInput(d.code));
  for (const d of partial) io.stderr(`${terminalText(diagnosticLine(d))}
`);
  return { side: { ...side2, diagnostics }, partial: partial.length > 0 };
}
function fail(io, message) {
  io.stderr(`meshguard explain: ${terminalText(message)}
`);
  return ExitCode.usageOrInput;
}

// src/analysis/graph/access-view.ts
function buildAccessGraphView(side2, diagnostics, filter = {}) {
  const view = buildGraphView(side2, diagnostics, filter);
  const edges = view.edges.map((edge) => {
    const caller = side2.callers.get(edge.from);
    const server = side2.topology.workloadById.get(edge.to);
    const port = server?.ports.find((p) => p.port === edge.port);
    if (server === void 0 || port === void 0) return { ...edge, access: DENIED };
    const { access } = evaluateEdge(side2, caller, server, port);
    return {
      ...edge,
      access: {
        value: access.access,
        requests: [...access.requests],
        exact: access.exact,
        decidedBy: access.determining.map((rule) => ({
          object: formatRef(rule.policy),
          note: rule.rule === null ? `${rule.action} policy` : `${rule.action} rule ${rule.rule}`,
          file: rule.at.file,
          line: rule.at.line,
          column: rule.at.column
        }))
      }
    };
  });
  const findings = [...view.findings, ...authzFindings(authzSideOf(side2, "head"))];
  return { ...view, edges, findings };
}
var DENIED = { value: "deny", requests: [], exact: true, decidedBy: [] };

// src/analysis/render/graph-mermaid.ts
var DEFAULT_BUDGET = { maxEdges: 150, maxCharacters: 2e4 };
function renderGraphMermaid(view, budget2 = DEFAULT_BUDGET) {
  const open = view.edges.filter(
    (e) => e.access.value !== "deny" && e.transport.value !== "broken"
  );
  const detailed = open.map((e) => ({
    from: e.from,
    to: e.to,
    label: `${e.port}${e.access.value === "partial" ? " some" : ""}`,
    plaintext: e.transport.value === "plaintext"
  }));
  const workloadLevel = emit(detailed, `${open.length} open edges`, true);
  if (detailed.length <= budget2.maxEdges && workloadLevel.length <= budget2.maxCharacters)
    return workloadLevel;
  const namespaceArrows = byNamespace(detailed);
  const kept = namespaceArrows.slice(0, budget2.maxEdges);
  const left = namespaceArrows.length - kept.length;
  const note = `${open.length} open edges shown per namespace${left > 0 ? `; ${left} smaller namespace pairs left out` : ""}`;
  return emit(kept, note, false);
}
function byNamespace(arrows) {
  const counts = /* @__PURE__ */ new Map();
  for (const arrow of arrows) {
    const from = arrow.from.startsWith("(") ? arrow.from : `${arrow.from.split("/")[0] ?? ""}/*`;
    const to = `${arrow.to.split("/")[0] ?? ""}/*`;
    const key = `${from}\0${to}\0${arrow.plaintext}`;
    const entry = counts.get(key) ?? {
      arrow: { from, to, label: "", plaintext: arrow.plaintext },
      count: 0
    };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || compareText(a.arrow.from, b.arrow.from) || compareText(a.arrow.to, b.arrow.to)
  ).map(({ arrow, count }) => ({ ...arrow, label: `${count} edge${count === 1 ? "" : "s"}` }));
}
function emit(arrows, description, byWorkload) {
  const ids = /* @__PURE__ */ new Map();
  const nodeId = (id) => {
    let found = ids.get(id);
    if (found === void 0) ids.set(id, found = `n${ids.size + 1}`);
    return found;
  };
  for (const arrow of arrows) {
    nodeId(arrow.from);
    nodeId(arrow.to);
  }
  const lines = [
    "flowchart LR",
    "  accTitle: Open edges of the mesh",
    `  accDescr: ${description}`
  ];
  const namespaces = /* @__PURE__ */ new Map();
  const pseudo = [];
  for (const id of [...ids.keys()].sort(compareText)) {
    if (id.startsWith("(")) pseudo.push(id);
    else {
      const namespace = id.split("/")[0] ?? "";
      namespaces.set(namespace, [...namespaces.get(namespace) ?? [], id]);
    }
  }
  let subgraph = 0;
  for (const [namespace, members] of namespaces) {
    if (!byWorkload) {
      for (const id of members) lines.push(`  ${nodeId(id)}[${mermaidLabel(namespace, 40)}]`);
      continue;
    }
    lines.push(`  subgraph ns${++subgraph}[${mermaidLabel(namespace, 40)}]`);
    for (const id of members)
      lines.push(`    ${nodeId(id)}[${mermaidLabel(id.slice(namespace.length + 1), 40)}]`);
    lines.push("  end");
  }
  for (const id of pseudo) lines.push(`  ${nodeId(id)}([${mermaidLabel(id, 40)}]):::pseudo`);
  const dashed = [];
  const solid = [];
  arrows.forEach((arrow, index) => {
    lines.push(
      `  ${nodeId(arrow.from)} ${arrow.plaintext ? "-.->" : "-->"}|${mermaidLabel(arrow.label, 30)}| ${nodeId(arrow.to)}`
    );
    (arrow.plaintext ? dashed : solid).push(index);
  });
  if (solid.length > 0)
    lines.push(
      `  linkStyle ${solid.join(",")} stroke:#2da44e,stroke-width:2px,color:#2da44e,fill:none`
    );
  if (dashed.length > 0)
    lines.push(
      `  linkStyle ${dashed.join(",")} stroke:#bf8700,stroke-width:2px,stroke-dasharray:5 4,color:#bf8700,fill:none`
    );
  lines.push(
    "  classDef default fill:#f6f8fa,stroke:#57606a,color:#1f2328",
    "  classDef pseudo fill:#fff8c5,stroke:#9a6700,color:#1f2328"
  );
  return `${lines.join("\n")}
`;
}

// src/cli/commands/graph.ts
var GRAPH_USAGE = `Usage: meshguard graph [--format text|json|mermaid] [--from ID]... [--to ID]... PATH...

Evaluates the manifests under each PATH as Istio would and prints the effective mTLS mode of
every workload port, and for every caller to every workload port the transport (mtls, plaintext
or broken) and the access (allow, partial with the allowed requests, or deny), with the objects
and lines that decided them.

Options:
  --format FORMAT    text (default), json, or mermaid (the open edges as a diagram)
  --from ID          only callers ID (namespace/name, namespace/*, or a pseudo-caller); repeatable
  --to ID            only destination workloads ID (namespace/name or namespace/*); repeatable
  --dir DIR          same as a PATH
  --namespace NS     namespace for objects that name none (default: default)

Exit status: 0 graph printed, 2 usage error or input that could not be read whole.
`;
function runGraph(argv, io) {
  const args = parseArgs(argv, {
    format: { type: "string", choices: ["text", "json", "mermaid"] },
    from: { type: "list" },
    to: { type: "list" },
    dir: { type: "list" },
    namespace: { type: "string" },
    help: { type: "boolean" }
  });
  if (args.flags.help === true) {
    io.stdout(GRAPH_USAGE);
    return ExitCode.ok;
  }
  const roots = [...args.positionals, ...listFlag(args, "dir")];
  if (roots.length === 0) throw new UsageError("graph needs at least one PATH");
  const filter = { from: readIds(args, "from"), to: readIds(args, "to") };
  const options = namespaceFlag(args);
  const tree = readManifestTree(roots, io.cwd);
  const loaded = loadMesh(tree.files, options);
  const unreadable = unreadableDiagnostics(tree);
  const diagnostics = [...unreadable, ...loaded.diagnostics];
  const view = buildAccessGraphView(evaluateLoaded(loaded), diagnostics, filter);
  const format = stringFlag(args, "format") ?? "text";
  io.stdout(
    format === "json" ? `${JSON.stringify(view, null, 2)}
` : format === "mermaid" ? renderGraphMermaid(view) : renderText2(view)
  );
  return diagnostics.some((d) => isPartialInput(d.code)) ? ExitCode.usageOrInput : ExitCode.ok;
}
function readIds(args, flag) {
  return listFlag(args, flag).map((text) => {
    if (text.endsWith("/*") && namespaceProblem(text.slice(0, -2)) === null) return text;
    const id = flag === "from" ? parseCaller(text) : isWorkloadId(text) ? text : null;
    if (id !== null) return id;
    const forms = flag === "from" ? "namespace/workload, namespace/*, (unauthenticated) or (any mesh identity)" : "namespace/workload or namespace/*";
    throw new UsageError(`--${flag} ${JSON.stringify(text)} is not ${forms}`);
  });
}
function renderText2(view) {
  const lines = [];
  const ports = view.workloads.reduce((n, w) => n + w.ports.length, 0);
  lines.push(
    `mesh graph: ${view.workloads.length} workloads, ${ports} ports, ${view.edges.length} edges (root namespace ${view.settings.rootNamespace}, auto mTLS ${view.settings.enableAutoMtls ? "on" : "off"}, outbound ${view.settings.outboundTrafficPolicy})`
  );
  const edgesByPort = /* @__PURE__ */ new Map();
  for (const edge of view.edges) {
    const key = `${edge.to}:${edge.port}`;
    const list = edgesByPort.get(key);
    if (list) list.push(edge);
    else edgesByPort.set(key, [edge]);
  }
  for (const workload of view.workloads) {
    lines.push(
      "",
      `${workload.id} (${workload.kind}, ${workload.dataplane}${workload.gateway ? ", gateway" : ""}${workload.exact ? "" : ", assumed"})`
    );
    for (const line of workload.evidence.filter((e) => e.file !== null))
      lines.push(`    ${evidence(line)}`);
    for (const port of workload.ports) {
      lines.push(
        `  port ${port.port}${port.name ? ` ${port.name}` : ""} (${port.protocol}): ${port.mode}, ${port.level}${port.exact ? "" : " (inexact)"}`
      );
      for (const line of port.evidence) lines.push(`      ${evidence(line)}`);
      for (const edge of edgesByPort.get(`${workload.id}:${port.port}`) ?? []) {
        const t = edge.transport;
        const a = edge.access;
        const allowed = a.value === "partial" ? ` (${a.requests.join("; ")})` : "";
        lines.push(
          `    from ${edge.from}: ${t.value}${t.exact ? "" : " (inexact)"}${t.via ? ` via ${t.via}` : ""}: ${t.reason}`,
          `      access: ${a.value}${allowed}${a.exact ? "" : " (inexact)"}${a.decidedBy.length > 0 ? `, decided by ${a.decidedBy.map(evidence).join("; ")}` : ""}`
        );
      }
    }
  }
  if (view.findings.length > 0) {
    lines.push("", "Findings:");
    for (const f of view.findings)
      lines.push(
        `  ${f.at.file}:${f.at.line}:${f.at.column}: ${f.severity} ${f.code} ${f.message}`
      );
  }
  const problems = view.diagnostics.filter((d) => d.severity === "error");
  if (problems.length > 0) {
    lines.push("", "Input errors (objects Istio would reject are left out):");
    for (const d of problems) lines.push(`  ${diagnosticLine(d)}`);
  }
  return `${lines.map(terminalText).join("\n")}
`;
}
function evidence(e) {
  const where = e.file === null ? "" : ` (${e.file}:${e.line ?? 1}:${e.column ?? 1})`;
  return `${e.object ? `${e.object}: ` : ""}${e.note}${where}`;
}

// src/cli/commands/validate.ts
var VALIDATE_USAGE = `Usage: meshguard validate [--format text|json|sarif] [--namespace NS] PATH...

Reads every .yaml, .yml and .json manifest under each PATH and reports what Istio and the
Kubernetes API would reject, with file, line and column.

Options:
  --format FORMAT    text (default), json or sarif
  --namespace NS     namespace for objects that name none (default: default)

Exit status: 0 no errors (warnings allowed), 1 errors in the manifests,
2 usage error or input that could not be read whole.
`;
function runValidate(argv, io) {
  const args = parseArgs(argv, {
    format: { type: "string", choices: ["text", "json", "sarif"] },
    namespace: { type: "string" },
    help: { type: "boolean" }
  });
  if (args.flags.help === true) {
    io.stdout(VALIDATE_USAGE);
    return ExitCode.ok;
  }
  if (args.positionals.length === 0) throw new UsageError("validate needs at least one PATH");
  const options = namespaceFlag(args);
  const tree = readManifestTree(args.positionals, io.cwd);
  const result = loadMesh(tree.files, options);
  const unreadable = unreadableDiagnostics(tree);
  const report = { ...result, diagnostics: [...unreadable, ...result.diagnostics] };
  const format = stringFlag(args, "format") ?? "text";
  if (format === "json") io.stdout(renderValidationJson(report));
  else if (format === "sarif") io.stdout(renderSarif(report.diagnostics, { toolVersion: VERSION }));
  else io.stdout(renderValidationText(report));
  if (report.diagnostics.some((d) => isPartialInput(d.code))) return ExitCode.usageOrInput;
  return report.diagnostics.some((d) => d.severity === "error") ? ExitCode.findings : ExitCode.ok;
}

// src/cli/run.ts
var USAGE = `meshguard ${VERSION}: what an Istio change does to mTLS and access, before merge

Usage: meshguard <command> [options]

Commands:
  diff --base DIR --head DIR
                      what a change does to access and mTLS, with zero-trust findings
  validate PATH...    check manifests against Istio's and Kubernetes' rules
  graph PATH...       effective mTLS of every workload port and transport of every edge
  explain             why a caller can (or cannot) reach a workload port, on one side or a change

Run 'meshguard <command> --help' for a command's options.
Options: --help, --version
`;
var COMMANDS = {
  validate: { run: runValidate, usage: VALIDATE_USAGE },
  diff: { run: (argv, io) => runDiff(argv, io, io.today), usage: DIFF_USAGE },
  graph: { run: runGraph, usage: GRAPH_USAGE },
  explain: { run: runExplain, usage: EXPLAIN_USAGE }
};
async function runCli(argv, io) {
  const [command, ...rest] = argv;
  if (command === void 0) {
    io.stderr(USAGE);
    return ExitCode.usageOrInput;
  }
  if (command === "--help" || command === "-h" || command === "help") {
    io.stdout(USAGE);
    return ExitCode.ok;
  }
  if (command === "--version" || command === "-v") {
    io.stdout(`${VERSION}
`);
    return ExitCode.ok;
  }
  const entry = COMMANDS[command];
  if (entry === void 0) {
    io.stderr(`meshguard: unknown command ${JSON.stringify(command)}

${USAGE}`);
    return ExitCode.usageOrInput;
  }
  try {
    return await entry.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`meshguard ${command}: ${error.message}

${entry.usage}`);
      return ExitCode.usageOrInput;
    }
    io.stderr(
      `meshguard ${command}: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`
    );
    return ExitCode.usageOrInput;
  }
}

// src/cli/main.ts
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  today: () => (/* @__PURE__ */ new Date()).toISOString().slice(0, 10)
});
