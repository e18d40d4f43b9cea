package dev.switchboard.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

import dev.switchboard.runbook.Choice;
import dev.switchboard.runbook.Runbook;
import dev.switchboard.runbook.Step;
import dev.switchboard.runbook.Strategy;

/**
 * A runbook's decision tree, drawn: as Mermaid text (which GitHub renders; {@code GET
 * /api/runbooks/{id}/diagram.mmd}) and as an SVG the console draws itself, so the page needs no
 * script. Steps sit in rows by their distance from the first step; each is coloured by its strategy;
 * terminal steps are rounded; links to other runbooks are dashed boxes.
 */
final class RunbookDiagram {

	private static final int W = 230;

	private static final int H = 58;

	private static final int GAP_X = 26;

	private static final int GAP_Y = 64;

	/** Fill per strategy; text is dark on every fill (contrast ≥ 7:1). */
	private static final Map<String, String> FILL = Map.of("fail-closed", "#f4c7c3", "fail-open", "#c9e4f8",
			"switch-route", "#fbe3a8", "degrade", "#d7ecc9", "none", "#ffffff", "external", "#eeeeee");

	private RunbookDiagram() {
	}

	private record Node(String key, String label, String strategy, boolean terminal, boolean external, String stepId) {
	}

	private record Edge(String from, String to, String label) {
	}

	private record Graph(Map<String, Node> nodes, List<Edge> edges) {
	}

	private static Graph graph(Runbook runbook) {
		Map<String, Node> nodes = new LinkedHashMap<>();
		List<Edge> edges = new ArrayList<>();
		for (Step s : runbook.steps()) {
			nodes.put(s.id(), new Node(s.id(), s.title(), s.strategy() == null ? "none" : s.strategy().id(), s.terminal(),
					false, s.id()));
		}
		for (Step s : runbook.steps()) {
			for (Choice c : s.choices()) {
				String to = c.external() ? c.target() : c.step();
				if (c.external()) {
					nodes.putIfAbsent(to, new Node(to, c.target(), "external", false, true, null));
				}
				else if (!nodes.containsKey(to)) {
					nodes.put(to, new Node(to, to + " (missing)", "external", false, true, null));
				}
				edges.add(new Edge(s.id(), to, c.label()));
			}
		}
		return new Graph(nodes, edges);
	}

	static String mermaid(Runbook runbook) {
		Graph g = graph(runbook);
		Map<String, String> ids = ids(g);
		StringBuilder out = new StringBuilder();
		out.append("---\ntitle: ").append(runbook.title().replace("\n", " ")).append(" (").append(runbook.id()).append(")\n---\n");
		out.append("flowchart TD\n");
		for (Node n : g.nodes().values()) {
			String label = mermaidText(n.label() + (n.strategy().equals("none") || n.external() ? "" : "\n" + n.strategy()));
			String shape = n.external() ? "[[\"" + label + "\"]]" : n.terminal() ? "([\"" + label + "\"])" : "[\"" + label + "\"]";
			out.append("    ").append(ids.get(n.key())).append(shape).append('\n');
		}
		for (Edge e : g.edges()) {
			out.append("    ").append(ids.get(e.from())).append(" -->|\"").append(mermaidText(e.label())).append("\"| ")
				.append(ids.get(e.to())).append('\n');
		}
		for (Map.Entry<String, String> f : FILL.entrySet()) {
			out.append("    classDef ").append(className(f.getKey())).append(" fill:").append(f.getValue())
				.append(",stroke:#333,color:#111").append(f.getKey().equals("external") ? ",stroke-dasharray: 5 5" : "")
				.append('\n');
		}
		for (Node n : g.nodes().values()) {
			out.append("    class ").append(ids.get(n.key())).append(' ').append(className(n.strategy())).append('\n');
		}
		return out.toString();
	}

	static String svg(Runbook runbook) {
		Graph g = graph(runbook);
		Map<String, Integer> depth = depths(g, runbook);
		Map<Integer, List<Node>> rows = new java.util.TreeMap<>();
		for (Node n : g.nodes().values()) {
			rows.computeIfAbsent(depth.get(n.key()), d -> new ArrayList<>()).add(n);
		}
		int widest = rows.values().stream().mapToInt(List::size).max().orElse(1);
		int width = Math.max(widest * (W + GAP_X) + GAP_X, 720);
		int height = rows.size() * (H + GAP_Y) + GAP_Y;
		Map<String, int[]> at = new HashMap<>();
		int r = 0;
		for (List<Node> row : rows.values()) {
			int rowWidth = row.size() * (W + GAP_X) - GAP_X;
			int x = (width - rowWidth) / 2;
			for (Node n : row) {
				at.put(n.key(), new int[] { x, GAP_Y / 2 + r * (H + GAP_Y) });
				x += W + GAP_X;
			}
			r++;
		}
		StringBuilder out = new StringBuilder();
		out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"diagram-title\" viewBox=\"0 0 ")
			.append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
			.append("\" font-family=\"system-ui, sans-serif\" font-size=\"13\">");
		out.append("<title id=\"diagram-title\">Decision tree of ").append(esc(runbook.title()))
			.append(": steps as boxes coloured by strategy, choices as arrows</title>");
		out.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" "
				+ "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>");
		for (Edge e : g.edges()) {
			int[] a = at.get(e.from());
			int[] b = at.get(e.to());
			int x1 = a[0] + W / 2;
			int y1 = a[1] + H;
			int x2 = b[0] + W / 2;
			int y2 = b[1];
			out.append("<g class=\"edge\"><title>").append(esc(e.label())).append("</title>");
			if (b[1] > a[1]) {
				out.append("<path d=\"M").append(x1).append(',').append(y1).append(" C").append(x1).append(',')
					.append(y1 + GAP_Y / 2).append(' ').append(x2).append(',').append(y2 - GAP_Y / 2).append(' ').append(x2)
					.append(',').append(y2).append("\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
			}
			else {
				// back to an earlier row (a loop): around the right side
				int side = Math.max(a[0], b[0]) + W + GAP_X / 2;
				out.append("<path d=\"M").append(a[0] + W).append(',').append(a[1] + H / 2).append(" C").append(side + 40)
					.append(',').append(a[1] + H / 2).append(' ').append(side + 40).append(',').append(b[1] + H / 2).append(' ')
					.append(b[0] + W).append(',').append(b[1] + H / 2)
					.append("\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\" marker-end=\"url(#arrow)\"/>");
			}
			out.append("</g>");
		}
		for (Node n : g.nodes().values()) {
			int[] p = at.get(n.key());
			String href = n.stepId() == null ? null : "#step-" + n.stepId();
			if (href != null) {
				out.append("<a href=\"").append(esc(href)).append("\">");
			}
			out.append("<g class=\"node ").append(esc(n.strategy())).append("\"><title>").append(esc(n.label()))
				.append(n.strategy().equals("none") || n.external() ? "" : " — strategy: " + esc(n.strategy())).append("</title>");
			out.append("<rect x=\"").append(p[0]).append("\" y=\"").append(p[1]).append("\" width=\"").append(W)
				.append("\" height=\"").append(H).append("\" rx=\"").append(n.terminal() ? 26 : 6).append("\" fill=\"")
				.append(FILL.get(n.strategy())).append("\" stroke=\"#333\" stroke-width=\"").append(n.strategy().equals("none") ? 1 : 2)
				.append('"').append(n.external() ? " stroke-dasharray=\"5 4\"" : "").append("/>");
			out.append("<text x=\"").append(p[0] + W / 2).append("\" y=\"").append(p[1] + 24)
				.append("\" text-anchor=\"middle\" fill=\"#111\" font-weight=\"600\">").append(esc(shorten(n.label(), 32)))
				.append("</text>");
			String sub = n.external() ? "other runbook" : n.strategy().equals("none") ? (n.terminal() ? "end" : "") : n.strategy();
			out.append("<text x=\"").append(p[0] + W / 2).append("\" y=\"").append(p[1] + 44)
				.append("\" text-anchor=\"middle\" fill=\"#111\">").append(esc(sub)).append("</text></g>");
			if (href != null) {
				out.append("</a>");
			}
		}
		out.append("</svg>");
		return out.toString();
	}

	/**
	 * Rows: the longest path from the first step, so every choice points down the page; an edge back
	 * to a step on the way there (a loop) is left out of the ranking and drawn along the side.
	 */
	private static Map<String, Integer> depths(Graph g, Runbook runbook) {
		java.util.Set<Edge> back = new java.util.HashSet<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		runbook.firstStep().ifPresent(s -> backEdges(s.id(), g, new java.util.HashSet<>(), seen, back));
		Map<String, Integer> depth = new HashMap<>();
		runbook.firstStep().ifPresent(s -> depth.put(s.id(), 0));
		for (int round = 0; round < g.nodes().size(); round++) {
			boolean changed = false;
			for (Edge e : g.edges()) {
				Integer from = depth.get(e.from());
				if (from != null && !back.contains(e) && depth.getOrDefault(e.to(), -1) < from + 1) {
					depth.put(e.to(), from + 1);
					changed = true;
				}
			}
			if (!changed) {
				break;
			}
		}
		int last = depth.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
		for (String k : g.nodes().keySet()) {
			depth.putIfAbsent(k, last);
		}
		return depth;
	}

	private static void backEdges(String node, Graph g, java.util.Set<String> path, java.util.Set<String> seen,
			java.util.Set<Edge> back) {
		seen.add(node);
		path.add(node);
		for (Edge e : g.edges()) {
			if (!e.from().equals(node)) {
				continue;
			}
			if (path.contains(e.to())) {
				back.add(e);
			}
			else if (!seen.contains(e.to())) {
				backEdges(e.to(), g, path, seen, back);
			}
		}
		path.remove(node);
	}

	private static Map<String, String> ids(Graph g) {
		Map<String, String> ids = new HashMap<>();
		int n = 0;
		for (String key : g.nodes().keySet()) {
			ids.put(key, "s" + n++);
		}
		return ids;
	}

	private static String className(String strategy) {
		return strategy.replace("-", "_");
	}

	private static String mermaidText(String text) {
		return text.replace("\"", "#quot;").replace("\n", "<br/>");
	}

	private static String shorten(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private static String esc(String text) {
		return HtmlUtils.htmlEscape(text == null ? "" : text);
	}

	/** The strategies with their colours, for the legend. */
	static List<Map.Entry<String, String>> legend() {
		List<Map.Entry<String, String>> out = new ArrayList<>();
		for (Strategy s : Strategy.values()) {
			out.add(Map.entry(s.id(), FILL.get(s.id())));
		}
		out.add(Map.entry("no strategy", FILL.get("none")));
		out.add(Map.entry("other runbook", FILL.get("external")));
		return out;
	}
}
