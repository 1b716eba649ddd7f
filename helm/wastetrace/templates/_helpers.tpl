{{/*
Names and labels.
*/}}
{{- define "wastetrace.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "wastetrace.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 35 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 35 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 35 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of one component's objects: dict "root" $ "component" "bsd-service". The full name is cut at 35
characters so that "<fullname>-registry-service-headless" stays within 63 and the StatefulSet names within
52 (their pods' controller-revision-hash label adds 11). */}}
{{- define "wastetrace.componentName" -}}
{{- printf "%s-%s" (include "wastetrace.fullname" .root) .component }}
{{- end }}

{{- define "wastetrace.selectorLabels" -}}
app.kubernetes.io/name: {{ include "wastetrace.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "wastetrace.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "wastetrace.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: wastetrace
{{- end }}

{{- define "wastetrace.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "wastetrace.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The five services. "values" is the key of their settings in values.yaml; "kind" the workload;
"autoscaling" whether an HPA may scale it; "relay" the component running its change-capture relay.
bsd-service, registry-service and webhook-service consume Kafka topics with static membership, which needs
pod names that survive a restart: StatefulSets (see README.md). webhook-service is no subgraph: it calls out
to the internet and is called by company-service only (see networkpolicy.yaml).
*/}}
{{- define "wastetrace.apps" -}}
gateway:
  values: gateway
  kind: Deployment
  subgraph: false
  autoscaling: true
  database: false
bsd-service:
  values: bsdService
  kind: StatefulSet
  subgraph: true
  autoscaling: true
  database: true
  relay: bsd-relay
company-service:
  values: companyService
  kind: Deployment
  subgraph: true
  autoscaling: true
  database: true
  relay: company-relay
registry-service:
  values: registryService
  kind: StatefulSet
  subgraph: true
  autoscaling: false
  database: true
webhook-service:
  values: webhookService
  kind: StatefulSet
  subgraph: false
  autoscaling: false
  database: true
{{- end }}

{{/* Whether an app's HPA is on: dict "root" $ "spec" <apps entry>. Prints "true" or nothing. */}}
{{- define "wastetrace.autoscaled" -}}
{{- if .spec.autoscaling }}
{{- if (index .root.Values .spec.values).autoscaling.enabled }}true{{ end }}
{{- end }}
{{- end }}

{{/* The public address of the API (download links): gateway.publicUrl, else the Ingress host. */}}
{{- define "wastetrace.publicUrl" -}}
{{- $gateway := .Values.gateway }}
{{- if $gateway.publicUrl }}
{{- $gateway.publicUrl | trimSuffix "/" }}
{{- else if $gateway.ingress.enabled }}
{{- printf "%s://%s" (ternary "https" "http" $gateway.ingress.tls.enabled) $gateway.ingress.host }}
{{- else }}
{{- required "gateway.publicUrl is required when the Ingress is disabled" "" }}
{{- end }}
{{- end }}

{{/* Image of an app: dict "root" $ "app" "gateway". */}}
{{- define "wastetrace.image" -}}
{{- $svc := index .root.Values (index (include "wastetrace.apps" .root | fromYaml) .app).values }}
{{- $tag := $svc.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- with .root.Values.image.registry }}{{ . }}/{{ end }}
{{- .root.Values.image.repository }}/{{ .app }}:{{ $tag }}
{{- end }}

{{/*
Every secret the chart may use, by the key it has in the chart's own Secret. Each entry carries the values
path (for error messages) and the value object {value, existingSecret, key}.
*/}}
{{- define "wastetrace.secrets" -}}
{{- $v := .Values -}}
internal-identity-secret: {path: internalIdentitySecret, ref: {{ $v.internalIdentitySecret | toJson }}}
redis-url: {path: redis.url, ref: {{ $v.redis.url | toJson }}}
bsd-db-password: {path: bsdService.database.password, ref: {{ $v.bsdService.database.password | toJson }}}
company-db-password: {path: companyService.database.password, ref: {{ $v.companyService.database.password | toJson }}}
registry-db-password: {path: registryService.database.password, ref: {{ $v.registryService.database.password | toJson }}}
keycloak-admin-client-secret: {path: companyService.keycloakAdminClientSecret, ref: {{ $v.companyService.keycloakAdminClientSecret | toJson }}}
access-token-hash-secret: {path: companyService.accessTokenHashSecret, ref: {{ $v.companyService.accessTokenHashSecret | toJson }}}
webhook-db-password: {path: webhookService.database.password, ref: {{ $v.webhookService.database.password | toJson }}}
webhook-secrets-key: {path: webhookSecretsKey, ref: {{ $v.webhookSecretsKey | toJson }}}
{{- end }}

{{/* The realm's issuer URL: keycloak.issuer, or keycloak.url + /realms/ + keycloak.realm. */}}
{{- define "wastetrace.oidcIssuer" -}}
{{- $issuer := .Values.keycloak.issuer }}
{{- if not $issuer }}
{{- $issuer = printf "%s/realms/%s" (required "keycloak.url is required" .Values.keycloak.url | trimSuffix "/") .Values.keycloak.realm }}
{{- end }}
{{- $issuer }}
{{- end }}

{{/*
Where company-service reads the list of eco-organismes (ECO_ORGANISMES_FILE): companyService.ecoOrganismes.file, or
the mounted ConfigMap's key; empty when neither is given (then none is served).
*/}}
{{- define "wastetrace.ecoOrganismesFile" -}}
{{- $eco := .Values.companyService.ecoOrganismes -}}
{{- if $eco.file -}}
{{ $eco.file }}
{{- else if $eco.configMap -}}
/etc/wastetrace/eco-organismes/{{ $eco.key }}
{{- end -}}
{{- end }}

{{/* An env entry read from a secret: dict "root" $ "name" "DB_PASSWORD" "secret" "bsd-db-password". */}}
{{- define "wastetrace.secretEnv" -}}
{{- $ref := (index (include "wastetrace.secrets" .root | fromYaml) .secret).ref -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      {{- if $ref.existingSecret }}
      name: {{ $ref.existingSecret }}
      key: {{ required (printf "the key of %s in Secret %s is required" .secret $ref.existingSecret) $ref.key }}
      {{- else }}
      name: {{ include "wastetrace.fullname" .root }}
      key: {{ .secret }}
      {{- end }}
{{- end }}

{{/*
Non-secret settings of an app, as environment variables (its ConfigMap): dict "root" $ "app" "gateway".
*/}}
{{- define "wastetrace.config" -}}
{{- $root := .root }}
{{- $spec := index (include "wastetrace.apps" $root | fromYaml) .app }}
{{- $svc := index $root.Values $spec.values -}}
HTTP_HOST: "0.0.0.0"
QUARKUS_HTTP_PORT: {{ $root.Values.httpPort | quote }}
LOG_JSON: {{ $root.Values.logJson | quote }}
KAFKA_BOOTSTRAP_SERVERS: {{ required "kafka.bootstrapServers is required" $root.Values.kafka.bootstrapServers | quote }}
JAVA_TOOL_OPTIONS: {{ $svc.javaOpts | quote }}
{{- if $spec.database }}
DB_URL: {{ required (printf "%s.database.url is required" $spec.values) $svc.database.url | quote }}
DB_USER: {{ required (printf "%s.database.user is required" $spec.values) $svc.database.user | quote }}
DB_POOL_MAX: {{ $svc.database.poolMax | quote }}
{{- end }}
{{- if eq .app "bsd-service" }}
{{- if le (int $svc.database.poolMax) (int $svc.eventLoops) }}
{{- fail (printf "bsdService.database.poolMax (%v) must exceed bsdService.eventLoops (%v): each event loop may hold a connection while others wait for one" $svc.database.poolMax $svc.eventLoops) }}
{{- end }}
EVENT_LOOPS: {{ $svc.eventLoops | quote }}
{{- end }}
{{- if eq .app "company-service" }}
KEYCLOAK_URL: {{ required "keycloak.url is required" $root.Values.keycloak.url | trimSuffix "/" | quote }}
KEYCLOAK_REALM: {{ $root.Values.keycloak.realm | quote }}
WEBHOOK_SERVICE_URL: {{ printf "http://%s:%v" (include "wastetrace.componentName" (dict "root" $root "component" "webhook-service")) $root.Values.httpPort | quote }}
WEBHOOK_DENIED_NETWORKS: {{ join "," $root.Values.webhookService.clusterNetworks | quote }}
{{- with include "wastetrace.ecoOrganismesFile" $root }}
ECO_ORGANISMES_FILE: {{ . | quote }}
{{- end }}
{{- end }}
{{- if eq .app "webhook-service" }}
COMPANY_SERVICE_URL: {{ printf "http://%s:%v" (include "wastetrace.componentName" (dict "root" $root "component" "company-service")) $root.Values.httpPort | quote }}
WEBHOOK_DENIED_NETWORKS: {{ join "," $root.Values.webhookService.clusterNetworks | quote }}
{{- end }}
{{- if eq .app "registry-service" }}
PUBLIC_URL: {{ include "wastetrace.publicUrl" $root | quote }}
{{- /* The national registry's feed checks the Keycloak tokens of its client (issuer and keys), as the gateway does. */}}
OIDC_ISSUER: {{ include "wastetrace.oidcIssuer" $root | quote }}
{{- end }}
{{- if eq .app "gateway" }}
OIDC_ISSUER: {{ include "wastetrace.oidcIssuer" $root | quote }}
OIDC_AUDIENCE: {{ $root.Values.keycloak.audience | quote }}
BSD_SERVICE_URL: {{ printf "http://%s:%v" (include "wastetrace.componentName" (dict "root" $root "component" "bsd-service")) $root.Values.httpPort | quote }}
COMPANY_SERVICE_URL: {{ printf "http://%s:%v" (include "wastetrace.componentName" (dict "root" $root "component" "company-service")) $root.Values.httpPort | quote }}
REGISTRY_SERVICE_URL: {{ printf "http://%s:%v" (include "wastetrace.componentName" (dict "root" $root "component" "registry-service")) $root.Values.httpPort | quote }}
RATE_LIMIT_PER_MINUTE: {{ $svc.rateLimitPerMinute | quote }}
RATE_LIMIT_FAIL_OPEN: {{ $svc.rateLimitFailOpen | quote }}
TRUSTED_PROXIES: {{ join "," $svc.trustedProxies | quote }}
{{- /* The API's own public address first: behind a proxy that terminates TLS, GraphiQL's page (https://…) is not the
same origin as the plain-HTTP request the gateway sees. */}}
CORS_ALLOWED_ORIGINS: {{ prepend $svc.corsAllowedOrigins (include "wastetrace.publicUrl" $root) | uniq | join "," | quote }}
{{- /* What the status page (/status) probes besides the subgraphs: webhook-service and each relay's own Service. */}}
WEBHOOK_SERVICE_URL: {{ printf "http://%s:%v" (include "wastetrace.componentName" (dict "root" $root "component" "webhook-service")) $root.Values.httpPort | quote }}
BSD_RELAY_URL: {{ printf "http://%s:%v" (include "wastetrace.componentName" (dict "root" $root "component" "bsd-relay")) $root.Values.httpPort | quote }}
COMPANY_RELAY_URL: {{ printf "http://%s:%v" (include "wastetrace.componentName" (dict "root" $root "component" "company-relay")) $root.Values.httpPort | quote }}
{{- end }}
{{- with $root.Values.tracing.otlpEndpoint }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ . | quote }}
{{- end }}
{{- /* <service>.resilience.<peer>.<key>[.<key>] is the service's setting wastetrace.<service>.<peer>.<key>…, e.g.
gateway.resilience.subgraphCalls.retry.maxRetries is WASTETRACE_GATEWAY_SUBGRAPH_CALLS_RETRY_MAX_RETRIES. */}}
{{- with $svc.resilience }}
{{- $prefix := index (dict "gateway" "WASTETRACE_GATEWAY" "company-service" "WASTETRACE_COMPANY" "webhook-service" "WASTETRACE_WEBHOOK") $.app }}
{{- range $peer, $policy := . }}
{{- range $key, $value := $policy }}
{{- if kindIs "map" $value }}
{{- range $inner, $setting := $value }}
{{ printf "%s_%s_%s_%s" $prefix (snakecase $peer) (snakecase $key) (snakecase $inner) | upper }}: {{ $setting | quote }}
{{- end }}
{{- else }}
{{ printf "%s_%s_%s" $prefix (snakecase $peer) (snakecase $key) | upper }}: {{ $value | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Environment variables the chart sets on an app's container besides its ConfigMap: dict "root" $ "app"
"bsd-service" "relay" true|false.
POD_NAME is the Kafka static-membership identity (group.instance.id): the pod name of a StatefulSet pod
(stable across restarts) or, for a relay, its fixed component name (one replica, Recreate: never two).
OUTBOX_RELAY_ENABLED is true only in the relay Deployment.
*/}}
{{- define "wastetrace.chartEnv" -}}
{{- $root := .root }}
{{- $spec := index (include "wastetrace.apps" $root | fromYaml) .app -}}
{{- if .relay }}
- name: POD_NAME
  value: {{ include "wastetrace.componentName" (dict "root" $root "component" $spec.relay) | quote }}
{{- else }}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{- end }}
{{- if $spec.relay }}
- name: OUTBOX_RELAY_ENABLED
  value: {{ if .relay }}"true"{{ else }}"false"{{ end }}
{{- end }}
{{- if and .relay (eq .app "bsd-service") }}
{{- /* The relay pod only relays: the company-event consumer runs in the bsd-service pods. */}}
- name: COMPANY_EVENTS_ENABLED
  value: "false"
{{- end }}
{{ include "wastetrace.secretEnv" (dict "root" $root "name" "INTERNAL_IDENTITY_SECRET" "secret" "internal-identity-secret") }}
{{- if $spec.database }}
{{ include "wastetrace.secretEnv" (dict "root" $root "name" "DB_PASSWORD" "secret" (printf "%s-db-password" (trimSuffix "-service" .app))) }}
{{- end }}
{{- if or (eq .app "gateway") (eq .app "registry-service") }}
{{ include "wastetrace.secretEnv" (dict "root" $root "name" "REDIS_URL" "secret" "redis-url") }}
{{- end }}
{{- if eq .app "company-service" }}
{{ include "wastetrace.secretEnv" (dict "root" $root "name" "KEYCLOAK_ADMIN_CLIENT_SECRET" "secret" "keycloak-admin-client-secret") }}
{{ include "wastetrace.secretEnv" (dict "root" $root "name" "ACCESS_TOKEN_HASH_SECRET" "secret" "access-token-hash-secret") }}
{{- end }}
{{- if or (eq .app "company-service") (eq .app "webhook-service") }}
{{ include "wastetrace.secretEnv" (dict "root" $root "name" "WEBHOOK_SECRETS_KEY" "secret" "webhook-secrets-key") }}
{{- end }}
{{- end }}

{{/*
All environment variables of an app's container besides its ConfigMap: the chart's, then the operator's
<app>.extraEnv, which may not redefine any variable the chart sets (the relay switch above all).
*/}}
{{- define "wastetrace.env" -}}
{{- $spec := index (include "wastetrace.apps" .root | fromYaml) .app }}
{{- $extra := (index .root.Values $spec.values).extraEnv }}
{{- $chartEnv := include "wastetrace.chartEnv" . }}
{{- $reserved := keys (include "wastetrace.config" . | fromYaml) }}
{{- range ($chartEnv | fromYamlArray) }}
{{- $reserved = append $reserved .name }}
{{- end }}
{{- range $extra }}
{{- if has .name $reserved }}
{{- fail (printf "%s.extraEnv cannot redefine %s: the chart sets it (use the dedicated value)" $spec.values .name) }}
{{- end }}
{{- end }}
{{- trim $chartEnv }}
{{- with $extra }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Pod template of an app or of its relay: dict "root" $ "app" "bsd-service" "relay" true|false.
*/}}
{{- define "wastetrace.podTemplate" -}}
{{- $root := .root }}
{{- $spec := index (include "wastetrace.apps" $root | fromYaml) .app }}
{{- $svc := index $root.Values $spec.values }}
{{- $component := .app }}
{{- $resources := $svc.resources }}
{{- if .relay }}
{{- $component = $spec.relay }}
{{- $resources = $svc.relay.resources }}
{{- end -}}
metadata:
  labels:
    {{- include "wastetrace.labels" (dict "root" $root "component" $component) | nindent 4 }}
  annotations:
    checksum/config: {{ include "wastetrace.config" (dict "root" $root "app" .app) | sha256sum }}
    checksum/secret: {{ include "wastetrace.secrets" $root | sha256sum }}
    {{- if $root.Values.metricsAnnotations }}
    prometheus.io/scrape: "true"
    prometheus.io/port: {{ $root.Values.httpPort | quote }}
    prometheus.io/path: /q/metrics
    {{- end }}
    {{- with $root.Values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  serviceAccountName: {{ include "wastetrace.serviceAccountName" $root }}
  automountServiceAccountToken: false
  {{- with $root.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  securityContext:
    {{- toYaml $root.Values.podSecurityContext | nindent 4 }}
  terminationGracePeriodSeconds: {{ $root.Values.terminationGracePeriodSeconds }}
  containers:
    - name: {{ .app }}
      image: {{ include "wastetrace.image" (dict "root" $root "app" .app) }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      securityContext:
        {{- toYaml $root.Values.securityContext | nindent 8 }}
      ports:
        - name: http
          containerPort: {{ $root.Values.httpPort }}
          protocol: TCP
      envFrom:
        - configMapRef:
            name: {{ include "wastetrace.componentName" (dict "root" $root "component" .app) }}
      env:
        {{- include "wastetrace.env" (dict "root" $root "app" .app "relay" .relay) | nindent 8 }}
      startupProbe:
        httpGet:
          path: /q/health/started
          port: http
        periodSeconds: {{ $root.Values.probes.startup.periodSeconds }}
        failureThreshold: {{ $root.Values.probes.startup.failureThreshold }}
      readinessProbe:
        httpGet:
          path: /q/health/ready
          port: http
        periodSeconds: {{ $root.Values.probes.readiness.periodSeconds }}
        timeoutSeconds: {{ $root.Values.probes.readiness.timeoutSeconds }}
        failureThreshold: {{ $root.Values.probes.readiness.failureThreshold }}
      livenessProbe:
        httpGet:
          path: /q/health/live
          port: http
        periodSeconds: {{ $root.Values.probes.liveness.periodSeconds }}
        timeoutSeconds: {{ $root.Values.probes.liveness.timeoutSeconds }}
        failureThreshold: {{ $root.Values.probes.liveness.failureThreshold }}
      resources:
        {{- toYaml $resources | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        {{- if and (eq .app "company-service") $root.Values.companyService.ecoOrganismes.configMap }}
        - name: eco-organismes
          mountPath: {{ include "wastetrace.ecoOrganismesFile" $root | dir }}
          readOnly: true
        {{- end }}
  volumes:
    - name: tmp
      emptyDir: {}
    {{- with $root.Values.companyService.ecoOrganismes }}
    {{- if and (eq $.app "company-service") .configMap }}
    - name: eco-organismes
      configMap:
        name: {{ .configMap }}
        items:
          - key: {{ .key }}
            path: {{ include "wastetrace.ecoOrganismesFile" $root | base }}
    {{- end }}
    {{- end }}
  {{- with $root.Values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $root.Values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $root.Values.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- $spread := $root.Values.topologySpread }}
  {{- if and (not .relay) (or $spread.nodes $spread.zones) }}
  topologySpreadConstraints:
    {{- range $key, $on := dict "kubernetes.io/hostname" $spread.nodes "topology.kubernetes.io/zone" $spread.zones }}
    {{- if $on }}
    - maxSkew: 1
      topologyKey: {{ $key }}
      whenUnsatisfiable: ScheduleAnyway
      labelSelector:
        matchLabels:
          {{- include "wastetrace.selectorLabels" (dict "root" $root "component" $component) | nindent 10 }}
    {{- end }}
    {{- end }}
  {{- end }}
{{- end }}

{{/*
One NetworkPolicy ingress rule on the HTTP port: dict "root" $ "peer" {namespaceSelector, podSelector}.
An empty peer means any source.
*/}}
{{- define "wastetrace.ingressRule" -}}
{{- $peer := dict }}
{{- range $selector := list "namespaceSelector" "podSelector" }}
{{- with (index $.peer $selector) }}
{{- $_ := set $peer $selector . }}
{{- end }}
{{- end -}}
- ports:
    - port: {{ .root.Values.httpPort }}
      protocol: TCP
  {{- if $peer }}
  from:
    - {{ toYaml $peer | indent 6 | trim }}
  {{- end }}
{{- end }}
