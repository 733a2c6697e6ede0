// Command helm-render renders a Helm chart's templates the way `helm template` does, for
// machines without the helm binary: the chart's tests run it (tests/unit/helmChart.test.ts).
//
// What it shares with Helm: Go's text/template, the Sprig function library Helm 3 ships (minus
// `env` and `expandenv`, as in Helm), Helm's own functions used by charts (toYaml with
// sigs.k8s.io/yaml, fromYaml, toJson, fromJson, include, tpl, required), the built-in objects
// (.Values, .Release, .Chart, .Capabilities, .Template, .Files), `missingkey=zero` with
// "<no value>" removed from the output, partials (`_*.tpl`) parsed but not rendered, and values
// coalesced over the chart's values.yaml (a null removes a default). What it does not do: chart
// dependencies, hooks, `lookup`, values.schema.json, NOTES.txt, or installing anything.
//
// Input on stdin, JSON: {"chart": dir, "values": {...}, "release": {"name", "namespace"},
// "kubeVersion": "v1.33.0"}. Output on stdout, JSON: {"manifests": {"<chart>/templates/x.yaml":
// "..."}}. A template error (a `required` value missing, say) exits 1 with the error on stderr.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
	"sigs.k8s.io/yaml"
)

type request struct {
	Chart       string                 `json:"chart"`
	Values      map[string]interface{} `json:"values"`
	Release     releaseInput           `json:"release"`
	KubeVersion string                 `json:"kubeVersion"`
}

type releaseInput struct {
	Name      string `json:"name"`
	Namespace string `json:"namespace"`
}

// chartMetadata carries the Chart.yaml fields templates read, under Helm's field names.
type chartMetadata struct {
	Name        string `json:"name"`
	Version     string `json:"version"`
	AppVersion  string `json:"appVersion"`
	Description string `json:"description"`
	Type        string `json:"type"`
	APIVersion  string `json:"apiVersion"`
}

// files is .Files: every chart file outside templates/, by its path in the chart.
type files map[string][]byte

func (f files) Get(name string) string      { return string(f[name]) }
func (f files) GetBytes(name string) []byte { return f[name] }

const recursionMaxNums = 1000

func main() {
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(in io.Reader, out io.Writer) error {
	var req request
	if err := json.NewDecoder(in).Decode(&req); err != nil {
		return fmt.Errorf("reading the request: %w", err)
	}
	chartYaml, err := os.ReadFile(filepath.Join(req.Chart, "Chart.yaml"))
	if err != nil {
		return err
	}
	var meta chartMetadata
	if err := yaml.Unmarshal(chartYaml, &meta); err != nil {
		return fmt.Errorf("Chart.yaml: %w", err)
	}
	defaults := map[string]interface{}{}
	if data, err := os.ReadFile(filepath.Join(req.Chart, "values.yaml")); err == nil {
		if err := yaml.Unmarshal(data, &defaults); err != nil {
			return fmt.Errorf("values.yaml: %w", err)
		}
	}
	values := coalesce(req.Values, defaults)

	templates := map[string]string{}
	chartFiles := files{}
	err = filepath.Walk(req.Chart, func(file string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(req.Chart, file)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		if strings.HasPrefix(rel, "templates/") {
			templates[path.Join(meta.Name, rel)] = string(data)
		} else if rel != "Chart.yaml" && rel != "values.yaml" {
			chartFiles[rel] = data
		}
		return nil
	})
	if err != nil {
		return err
	}
	// filepath.Walk does not descend into symlinked folders, but reads symlinked files: the
	// chart's files/ may link to a file of the repository, as `helm package` would copy it.

	kubeVersion := req.KubeVersion
	if kubeVersion == "" {
		kubeVersion = "v1.33.0"
	}
	major, minor := splitKubeVersion(kubeVersion)
	top := map[string]interface{}{
		"Values": values,
		"Release": map[string]interface{}{
			"Name":      req.Release.Name,
			"Namespace": req.Release.Namespace,
			"IsInstall": true,
			"IsUpgrade": false,
			"Revision":  1,
			"Service":   "Helm",
		},
		"Chart": meta,
		"Capabilities": map[string]interface{}{
			"KubeVersion": map[string]interface{}{
				"Version": kubeVersion, "Major": major, "Minor": minor, "GitVersion": kubeVersion,
			},
		},
		"Files": chartFiles,
	}

	rendered, err := render(templates, top, path.Join(meta.Name, "templates"))
	if err != nil {
		return err
	}
	return json.NewEncoder(out).Encode(map[string]interface{}{"manifests": rendered})
}

func splitKubeVersion(version string) (string, string) {
	parts := strings.SplitN(strings.TrimPrefix(version, "v"), ".", 3)
	if len(parts) < 2 {
		return parts[0], "0"
	}
	return parts[0], parts[1]
}

// render follows Helm's engine: one template set holding every file, named by its path, with
// `missingkey=zero`; every file but the partials executed with its own .Template.
func render(templates map[string]string, top map[string]interface{}, basePath string) (map[string]string, error) {
	t := template.New("gotpl").Option("missingkey=zero")
	t.Funcs(funcMap(t))

	names := make([]string, 0, len(templates))
	for name := range templates {
		names = append(names, name)
	}
	sortTemplates(names)
	for _, name := range names {
		if _, err := t.New(name).Parse(templates[name]); err != nil {
			return nil, fmt.Errorf("parse error in %q: %w", name, err)
		}
	}

	rendered := map[string]string{}
	for _, name := range names {
		if strings.HasPrefix(path.Base(name), "_") {
			continue
		}
		scope := map[string]interface{}{}
		for key, value := range top {
			scope[key] = value
		}
		scope["Template"] = map[string]interface{}{"Name": name, "BasePath": basePath}
		var buf strings.Builder
		if err := t.ExecuteTemplate(&buf, name, scope); err != nil {
			return nil, cleanupExecError(name, err)
		}
		rendered[name] = strings.ReplaceAll(buf.String(), "<no value>", "")
	}
	return rendered, nil
}

// sortTemplates orders deeper paths first, then by name, as Helm does.
func sortTemplates(names []string) {
	sort.Slice(names, func(i, j int) bool {
		a, b := strings.Count(names[i], "/"), strings.Count(names[j], "/")
		if a != b {
			return a > b
		}
		return names[i] < names[j]
	})
}

// cleanupExecError shortens a `required`/`fail` error to Helm's "execution error at (...): msg".
func cleanupExecError(name string, err error) error {
	var execErr template.ExecError
	if errors.As(err, &execErr) {
		message := err.Error()
		if index := strings.LastIndex(message, "error calling "); index >= 0 {
			rest := message[index+len("error calling "):]
			if colon := strings.Index(rest, ": "); colon >= 0 {
				message = rest[colon+2:]
			}
		}
		return fmt.Errorf("execution error at (%s): %s", name, message)
	}
	return err
}

func funcMap(t *template.Template) template.FuncMap {
	f := sprig.TxtFuncMap()
	delete(f, "env")
	delete(f, "expandenv")

	includedNames := map[string]int{}
	f["include"] = func(name string, data interface{}) (string, error) {
		if includedNames[name] > recursionMaxNums {
			return "", fmt.Errorf("rendering template has a nested reference name: %s", name)
		}
		includedNames[name]++
		defer func() { includedNames[name]-- }()
		var buf strings.Builder
		err := t.ExecuteTemplate(&buf, name, data)
		return buf.String(), err
	}
	f["tpl"] = func(text string, data interface{}) (string, error) {
		clone, err := t.Clone()
		if err != nil {
			return "", err
		}
		parsed, err := clone.New("tpl").Parse(text)
		if err != nil {
			return "", err
		}
		var buf strings.Builder
		if err := parsed.Execute(&buf, data); err != nil {
			return "", err
		}
		return strings.ReplaceAll(buf.String(), "<no value>", ""), nil
	}
	f["required"] = func(message string, value interface{}) (interface{}, error) {
		if value == nil {
			return value, errors.New(message)
		}
		if text, ok := value.(string); ok && text == "" {
			return value, errors.New(message)
		}
		return value, nil
	}
	f["toYaml"] = func(value interface{}) string {
		data, err := yaml.Marshal(value)
		if err != nil {
			return ""
		}
		return strings.TrimSuffix(string(data), "\n")
	}
	f["fromYaml"] = func(text string) map[string]interface{} {
		m := map[string]interface{}{}
		if err := yaml.Unmarshal([]byte(text), &m); err != nil {
			m["Error"] = err.Error()
		}
		return m
	}
	f["toJson"] = func(value interface{}) string {
		data, err := json.Marshal(value)
		if err != nil {
			return ""
		}
		return string(data)
	}
	f["fromJson"] = func(text string) map[string]interface{} {
		m := map[string]interface{}{}
		if err := json.Unmarshal([]byte(text), &m); err != nil {
			m["Error"] = err.Error()
		}
		return m
	}
	f["lookup"] = func(string, string, string, string) (map[string]interface{}, error) {
		// `helm template` has no cluster to look in: lookup gives an empty object there too.
		return map[string]interface{}{}, nil
	}
	return f
}

// coalesce lays the user's values over the chart's defaults: maps merge recursively, anything
// else replaces the default, and a null removes the default's key (Helm's rule).
func coalesce(user, defaults map[string]interface{}) map[string]interface{} {
	out := map[string]interface{}{}
	for key, value := range defaults {
		out[key] = value
	}
	for key, value := range user {
		if value == nil {
			delete(out, key)
			continue
		}
		userMap, userIsMap := value.(map[string]interface{})
		defaultMap, defaultIsMap := out[key].(map[string]interface{})
		if userIsMap && defaultIsMap {
			out[key] = coalesce(userMap, defaultMap)
		} else {
			out[key] = value
		}
	}
	return out
}
