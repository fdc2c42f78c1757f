{{/*
The control plane's name: "controlplane", or "controlplane-<revision>" for a revision, as istiod's "istiod-<revision>".
Used for the Deployment, Service, ServiceAccount, PodDisruptionBudget and HorizontalPodAutoscaler.
*/}}
{{- define "controlplane.name" -}}
{{- if .Values.revision -}}
controlplane-{{ .Values.revision }}
{{- else -}}
controlplane
{{- end -}}
{{- end -}}

{{/* The revision label value, as istiod's istio.io/rev: "default" when no revision is set. */}}
{{- define "controlplane.revision" -}}
{{- .Values.revision | default "default" -}}
{{- end -}}

{{/* Cluster-scoped names carry the namespace too, so two installs in different namespaces do not collide. */}}
{{- define "controlplane.clusterRoleName" -}}
{{ include "controlplane.name" . }}-{{ .Release.Namespace }}
{{- end -}}

{{/* The mesh ConfigMap: "istio", or "istio-<revision>", the names istiod reads MeshConfig from. */}}
{{- define "controlplane.meshConfigMapName" -}}
{{- if .Values.revision -}}
istio-{{ .Values.revision }}
{{- else -}}
istio
{{- end -}}
{{- end -}}

{{/*
"true" when the HorizontalPodAutoscaler is rendered (autoscaleEnabled and autoscaleMin < autoscaleMax, as istiod's chart
decides), else empty; the Deployment then leaves replicas to it.
*/}}
{{- define "controlplane.autoscaled" -}}
{{- if and .Values.autoscaleEnabled (lt (int .Values.autoscaleMin) (int .Values.autoscaleMax)) -}}
true
{{- end -}}
{{- end -}}

{{- define "controlplane.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{/* Labels every object carries. */}}
{{- define "controlplane.labels" -}}
app: controlplane
istio.io/rev: {{ include "controlplane.revision" . }}
app.kubernetes.io/name: controlplane
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: controlplane
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* The pod selector: stable across upgrades (a Deployment's selector is immutable). */}}
{{- define "controlplane.selectorLabels" -}}
app: controlplane
istio.io/rev: {{ include "controlplane.revision" . }}
{{- end -}}

{{/*
The mesh config: the chart's defaults with .Values.meshConfig over them, read by the control plane from the ConfigMap.
*/}}
{{- define "controlplane.meshConfig" -}}
{{- $defaults := dict "rootNamespace" .Release.Namespace "trustDomain" "cluster.local" -}}
{{- toYaml (mergeOverwrite $defaults (deepCopy (.Values.meshConfig | default dict))) -}}
{{- end -}}
