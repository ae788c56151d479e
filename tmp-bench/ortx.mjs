import ort from 'onnxruntime-node';
const src = '/work/main/.cache/production-shaped/roberta-base-sentiment/model_int8.onnx';
const s = await ort.InferenceSession.create(src, {
  graphOptimizationLevel: 'basic', optimizedModelFilePath: '/tmp/ortx/opt.onnx',
  extra: { session: { optimized_model_external_initializers_file_name: 'opt.onnx.data', optimized_model_external_initializers_min_size_in_bytes: '1024' } },
});
console.log('ok', s.inputNames);
