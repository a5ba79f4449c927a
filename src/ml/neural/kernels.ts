/**
 * Classic 3×3 image filters for conv2d. With cross-correlation (no flip), sobelX responds
 * positively where brightness increases to the right, sobelY where it increases downwards.
 */
export const kernels = {
  identity: [[0, 0, 0], [0, 1, 0], [0, 0, 0]],
  /** Horizontal gradient ∂I/∂x, smoothed vertically: finds vertical edges. */
  sobelX: [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
  /** Vertical gradient ∂I/∂y: finds horizontal edges. */
  sobelY: [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
  prewittX: [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]],
  prewittY: [[-1, -1, -1], [0, 0, 0], [1, 1, 1]],
  /** ∇²I = ∂²I/∂x² + ∂²I/∂y²: zero on flat areas and ramps, large at edges and spots. */
  laplacian: [[0, 1, 0], [1, -4, 1], [0, 1, 0]],
  /** The mean of the 3×3 neighbourhood. */
  boxBlur: [[1 / 9, 1 / 9, 1 / 9], [1 / 9, 1 / 9, 1 / 9], [1 / 9, 1 / 9, 1 / 9]],
  /** Binomial approximation of a Gaussian (σ ≈ 0.85): weights 1-2-1 ⊗ 1-2-1 / 16. */
  gaussianBlur: [[1 / 16, 2 / 16, 1 / 16], [2 / 16, 4 / 16, 2 / 16], [1 / 16, 2 / 16, 1 / 16]],
  /** identity − laplacian: adds the edges back on top of the image, so they stand out. */
  sharpen: [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
  emboss: [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]],
} as const satisfies Record<string, readonly (readonly number[])[]>;
