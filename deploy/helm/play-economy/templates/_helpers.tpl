{{/* The release's name prefix: the release name, with the chart name added unless it has it. */}}
{{- define "play-economy.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Name of one service's objects. Call with (dict "root" $ "name" "catalog"). */}}
{{- define "play-economy.serviceName" -}}
{{- printf "%s-%s" (include "play-economy.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels every object carries. */}}
{{- define "play-economy.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: play-economy
{{- end -}}

{{/* Labels selecting one service's pods. Call with (dict "root" $ "name" "catalog"). */}}
{{- define "play-economy.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* The Secret holding ROUTER_SECRET, the admin account and the connection URLs. */}}
{{- define "play-economy.secretName" -}}
{{- if .Values.secrets.existingSecret -}}
{{- .Values.secrets.existingSecret -}}
{{- else -}}
{{- printf "%s-secrets" (include "play-economy.fullname" .) -}}
{{- end -}}
{{- end -}}

{{/* The Secret's keys, each the variable the services read, with the value that fills it. */}}
{{- define "play-economy.secretKeys" -}}
ROUTER_SECRET: routerSecret
ADMIN_USERNAME: adminUsername
ADMIN_EMAIL: adminEmail
ADMIN_PASSWORD: adminPassword
MONGODB_URL: mongodbUrl
AMQP_URL: amqpUrl
REDIS_URL: redisUrl
{{- end -}}

{{/* Which Secret keys a service reads, separated by spaces. Call with the service's name. */}}
{{- define "play-economy.secretKeysOf" -}}
{{- if eq . "router" -}}
ROUTER_SECRET AMQP_URL REDIS_URL
{{- else if eq . "identity" -}}
ROUTER_SECRET MONGODB_URL AMQP_URL ADMIN_USERNAME ADMIN_EMAIL ADMIN_PASSWORD
{{- else -}}
ROUTER_SECRET MONGODB_URL AMQP_URL
{{- end -}}
{{- end -}}

{{/* Where the supergraph ConfigMap is mounted in the router. */}}
{{- define "play-economy.supergraphDir" -}}
/etc/play-economy/supergraph
{{- end -}}
