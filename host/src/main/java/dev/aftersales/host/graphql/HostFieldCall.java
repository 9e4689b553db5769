package dev.aftersales.host.graphql;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.FeatureException;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.PageRequest;
import dev.aftersales.api.graphql.Viewer;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/** A plugin resolver's view of one graphql-java field fetch. */
final class HostFieldCall implements FieldCall {

    private final DataFetchingEnvironment environment;
    private final FeatureContext shop;
    private final Viewer viewer;

    HostFieldCall(DataFetchingEnvironment environment, FeatureContext shop, Viewer viewer) {
        this.environment = environment;
        this.shop = shop;
        this.viewer = viewer;
    }

    @Override
    public FeatureContext shop() {
        return shop;
    }

    @Override
    public Viewer viewer() {
        return viewer;
    }

    @Override
    public <T> T source() {
        return environment.getSource();
    }

    @Override
    public <T> T argument(String name) {
        return environment.getArgument(name);
    }

    @Override
    public Map<String, Object> arguments() {
        return environment.getArguments();
    }

    @Override
    public Map<String, Object> input() {
        Map<String, Object> input = environment.getArgument("input");
        return input == null ? Map.of() : input;
    }

    @Override
    public PageRequest page() {
        Integer first = environment.getArgument("first");
        if (first == null) {
            throw new FeatureException(FeatureException.ErrorCode.BAD_REQUEST,
                    "Field '" + environment.getField().getName() + "' needs 'first'");
        }
        return PageRequest.of(first, environment.getArgument("after"));
    }

    @Override
    public Optional<String> device() {
        return Optional.ofNullable(environment.getGraphQlContext().<ClientDevice>get(ClientDevice.class))
                .map(ClientDevice::hash);
    }

    @Override
    public <K, V> CompletableFuture<V> load(String loader, K key) {
        DataLoader<K, V> dataLoader = environment.getDataLoader(loader);
        if (dataLoader == null) {
            throw new IllegalArgumentException("No batch loader named '" + loader + "' in this shop's schema");
        }
        return dataLoader.load(key);
    }
}
