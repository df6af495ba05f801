package dev.rapport.coach;

import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A labelled set of replies and notes (one JSON object a line) and how the coach scores on it. */
record Corpus(String name, List<Corpus.Item> items) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One labelled text.
     *
     * @param name     the customer's preferred name when the card would know it
     * @param expected the categories a careful reader following docs/coach.md would mark
     */
    record Item(String id, String business, Kind kind, String name, Set<Category> expected, String text) {

        Optional<String> preferredName() {
            return Optional.ofNullable(name);
        }

        /** A reply with nothing to mark: the hard negatives that must stay quiet. */
        boolean polite() {
            return kind == Kind.REPLY && expected.isEmpty();
        }
    }

    static Corpus load(String resource) {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No corpus at " + resource);
            }
            List<Item> items = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    Item item = JSON.readValue(line, Item.class);
                    items.add(new Item(item.id(), item.business(), item.kind(), item.name(),
                            item.expected().isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(item.expected()),
                            item.text()));
                }
            }
            return new Corpus(resource.substring(resource.lastIndexOf('/') + 1), List.copyOf(items));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Score score(Coach coach) {
        Map<Category, int[]> counts = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            counts.put(category, new int[3]);
        }
        List<String> mistakes = new ArrayList<>();
        int polite = 0;
        int politeClean = 0;
        for (Item item : items) {
            Set<Category> found = coach.analyze(item.text(), item.kind(), item.preferredName()).categories();
            for (Category category : Category.values()) {
                boolean expected = item.expected().contains(category);
                boolean flagged = found.contains(category);
                if (expected && flagged) {
                    counts.get(category)[0]++;
                } else if (flagged) {
                    counts.get(category)[1]++;
                } else if (expected) {
                    counts.get(category)[2]++;
                }
            }
            if (!found.equals(item.expected())) {
                Set<Category> extra = EnumSet.noneOf(Category.class);
                extra.addAll(found);
                extra.removeAll(item.expected());
                Set<Category> missed = EnumSet.noneOf(Category.class);
                missed.addAll(item.expected());
                missed.removeAll(found);
                mistakes.add(item.id() + " extra " + extra + " missed " + missed);
            }
            if (item.polite()) {
                polite++;
                if (found.stream().noneMatch(category -> category.number() <= 6)) {
                    politeClean++;
                }
            }
        }
        return new Score(name, items.size(), counts, polite, politeClean, mistakes);
    }

    /** True positives, false positives and false negatives per category, counted per item and category. */
    record Score(String corpus, int items, Map<Category, int[]> counts, int polite, int politeClean,
                 List<String> mistakes) {

        double precision(Category category) {
            int[] c = counts.get(category);
            return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
        }

        double recall(Category category) {
            int[] c = counts.get(category);
            return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
        }

        double precision() {
            int tp = total(0);
            return (double) tp / (tp + total(1));
        }

        double recall() {
            int tp = total(0);
            return (double) tp / (tp + total(2));
        }

        double politeCleanShare() {
            return polite == 0 ? 1.0 : (double) politeClean / polite;
        }

        private int total(int index) {
            return counts.values().stream().mapToInt(c -> c[index]).sum();
        }

        String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("%n%s: %d items, %d polite replies%n", corpus, items, polite));
            out.append(String.format("| %-3s | %-24s | %4s | %4s | %4s | %9s | %6s |%n", "#", "category", "TP", "FP", "FN",
                    "precision", "recall"));
            out.append("|-----|--------------------------|------|------|------|-----------|--------|\n");
            for (Category category : Category.values()) {
                int[] c = counts.get(category);
                out.append(String.format("| %-3d | %-24s | %4d | %4d | %4d | %9.2f | %6.2f |%n", category.number(),
                        category.name(), c[0], c[1], c[2], precision(category), recall(category)));
            }
            out.append(String.format("|     | %-24s | %4d | %4d | %4d | %9.2f | %6.2f |%n", "overall", total(0), total(1),
                    total(2), precision(), recall()));
            out.append(String.format("Polite replies with no finding of categories 1-6: %d of %d (%.1f%%)%n", politeClean,
                    polite, 100 * politeCleanShare()));
            return out.toString();
        }
    }
}
