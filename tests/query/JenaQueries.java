// Runs SPARQL SELECT queries with Apache Jena over one RDF dataset file, in one JVM.
//
//   java -cp JENA_JARS JenaQueries.java DATA OUTDIR QUERY.rq...
//
// DATA (N-Quads, TriG, ...) is read into an in-memory TDB2 dataset whose default graph is
// the union of its named graphs (tdb:unionDefaultGraph, the setting Fuseki uses); each
// query is parsed as strict SPARQL 1.1 (no ARQ extensions) and its results are written to
// OUTDIR/NAME.srj (SPARQL 1.1 JSON results). A query that does not parse or run writes
// OUTDIR/NAME.error with the message (also after -Dkg.timeout seconds, default 300). Used by tests/query/test_jena_equivalence.py.
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

public class JenaQueries {
    // a query still running after this is stopped and reported as an error
    static final long TIMEOUT_SECONDS = Long.getLong("kg.timeout", 300);

    public static void main(String[] args) throws Exception {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(dsg, () -> RDFDataMgr.read(dsg, args[0]));
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        Dataset ds = DatasetFactory.wrap(dsg);
        Path outDir = Paths.get(args[1]);
        for (int i = 2; i < args.length; i++) {
            Path file = Paths.get(args[i]);
            String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            long started = System.nanoTime();
            try {
                Query query = QueryFactory.create(Files.readString(file), Syntax.syntaxSPARQL_11);
                Txn.executeRead(dsg, () -> {
                    try (QueryExecution qe = QueryExecution.dataset(ds).query(query)
                             .timeout(TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)
                             .build();
                         OutputStream out = Files.newOutputStream(outDir.resolve(name + ".srj"))) {
                        ResultSetFormatter.outputAsJSON(out, qe.execSelect());
                    } catch (java.io.IOException e) {
                        throw new RuntimeException(e);
                    }
                });
            } catch (Exception e) {
                Files.writeString(outDir.resolve(name + ".error"), String.valueOf(e));
            }
            System.err.printf("%s %.0f ms%n", name, (System.nanoTime() - started) / 1e6);
        }
    }
}
