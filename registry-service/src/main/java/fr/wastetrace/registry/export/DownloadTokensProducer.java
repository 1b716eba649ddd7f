package fr.wastetrace.registry.export;

import fr.wastetrace.events.EventCodec;
import fr.wastetrace.registry.config.RegistryConfig;
import fr.wastetrace.subgraph.DownloadTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Register files are downloaded through {@code registry.}-prefixed tokens living {@code wastetrace.registry.download.ttl}. */
public class DownloadTokensProducer {

    @Produces
    @Singleton
    DownloadTokens downloadTokens(RedisDataSource redis, RegistryConfig config) {
        return new DownloadTokens(redis, "registry", config.download().ttl(), config.download().publicUrl(),
                EventCodec.mapper());
    }
}
