/* The peer for scripts/bench-ingest: parses a CSV file with libcsv and only
   counts fields and records. Same options as mentormatch's reader. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

static size_t fields, records;
static void on_field(void *s, size_t n, void *d) { (void)s; (void)n; (void)d; fields++; }
static void on_record(int c, void *d) { (void)c; (void)d; records++; }

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: csvcount FILE\n"); return 64; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 66; }
  struct csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) return 70;
  static char buf[256 * 1024];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
    if (csv_parse(&p, buf, n, on_field, on_record, NULL) != n) {
      fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&p)));
      return 65;
    }
  }
  csv_fini(&p, on_field, on_record, NULL);
  csv_free(&p);
  fclose(f);
  printf("%zu records, %zu fields\n", records, fields);
  return 0;
}
