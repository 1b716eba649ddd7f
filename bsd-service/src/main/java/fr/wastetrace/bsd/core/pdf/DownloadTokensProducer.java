package fr.wastetrace.bsd.core.pdf;

import fr.wastetrace.bsd.config.BsdConfig;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.subgraph.DownloadTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** bsd-service's files are downloaded through {@code bsd.}-prefixed tokens living {@code wastetrace.bsd.download.ttl}. */
public class DownloadTokensProducer {

    @Produces
    @Singleton
    DownloadTokens downloadTokens(RedisDataSource redis, BsdConfig bsd) {
        BsdConfig.Download config = bsd.download();
        return new DownloadTokens(redis, "bsd", config.ttl(), config.publicUrl(), EventCodec.mapper());
    }
}
